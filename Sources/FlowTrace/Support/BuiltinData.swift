/// The files of the package's `Rules/` folder, embedded at build time.
public enum BuiltinData {
    /// Each file's path relative to `Rules/` and its text, sorted by path.
    public static var files: [(path: String, text: String)] { embeddedRuleFiles }

    /// The text of the embedded file at `path` (relative to `Rules/`), if there is one.
    public static func file(_ path: String) -> String? {
        embeddedRuleFiles.first { $0.path == path }?.text
    }
}
