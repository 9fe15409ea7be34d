public class Smoke { [Fact] public void Builds() => (1 + 1).Should().Be(2); }
