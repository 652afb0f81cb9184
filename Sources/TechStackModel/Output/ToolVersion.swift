/// The version of techstack, shown by `--version` and written into SARIF so a dashboard
/// knows which release produced its results.
public enum ToolVersion {
    public static let current = "0.1.0"
}
