namespace MacroVersioning.Tests.E2E;

/// <summary>The verdict on one row.</summary>
/// <param name="Findings">Every problem, lint error and lint warning line the checker reported.</param>
/// <param name="Text">The whole report for the row (or why there is none), shown when a test fails.</param>
internal sealed record SamCheckOutcome(bool Passed, IReadOnlyList<string> Findings, string Text);
