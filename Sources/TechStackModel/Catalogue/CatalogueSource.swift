/// Where a catalogue comes from: the built-in default, or a folder given with `--catalogue`.
public enum CatalogueSource: Sendable {
    case builtin
    case directory(String)

    public init(option: String?) {
        self = option.map(CatalogueSource.directory) ?? .builtin
    }

    public func load() -> CatalogueLoader.Result {
        switch self {
        case .builtin: CatalogueLoader.load(files: Builtin.catalogueFiles)
        case .directory(let path): CatalogueLoader.load(directory: path)
        }
    }

    /// A catalogue fit for use: schema errors and catalogue problems refuse it, warnings do not.
    public func loadUsable() throws(DiagnosticList) -> (catalogue: Catalogue, warnings: [Diagnostic]) {
        // The built-in catalogue cannot change after the build, and it ships only with no
        // problem at all (`DefaultCatalogueTests`; `catalogue check` still runs every check
        // on it): every other command skips re-checking it, a tenth of a one-manifest lint.
        let result = switch self {
        case .builtin: CatalogueLoader.load(files: Builtin.catalogueFiles, checking: false)
        case .directory: load()
        }
        guard let catalogue = result.catalogue, !result.diagnostics.hasErrors else {
            var items = result.diagnostics.errors
            let hint: String, command: String
            switch self {
            case .builtin:
                hint = "the built-in catalogue"
                command = "techstack catalogue check"
            case .directory(let path):
                hint = "'\(path)'"
                command = "techstack catalogue check --catalogue \(path.contains(" ") ? "'\(path)'" : path)"
            }
            items.append(Diagnostic(path: items.first?.path ?? "catalogue", mark: .start,
                                    message: "the catalogue \(hint) cannot be used; run '\(command)' for every problem"))
            throw DiagnosticList(items)
        }
        return (catalogue, result.diagnostics.warnings)
    }
}
