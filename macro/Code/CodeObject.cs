namespace MacroVersioning.Code;

/// <summary>Code whose identity needs I/O to establish: an S3 object or a local path.</summary>
public abstract record CodeObject;
