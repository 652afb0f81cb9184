/// The default catalogue and rules, compiled into the binary from `catalogue/` and `rules/`.
public enum Builtin {
    public static var catalogueFiles: [InputFile] {
        EmbeddedDefaults.catalogue.map { InputFile(path: $0.path, text: $0.text) }
    }

    public static var ruleFiles: [InputFile] {
        EmbeddedDefaults.rules.map { InputFile(path: $0.path, text: $0.text) }
    }
}
