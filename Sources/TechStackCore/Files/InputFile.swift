import Foundation

/// A file to read, either from disk or compiled into the binary.
public struct InputFile: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// Reads a regular file, refusing directories, devices and anything over the size limit
    /// before reading a byte of it.
    public static func read(_ path: String, limit: Int = YAMLLimits.standard.maxBytes) throws(Diagnostic) -> InputFile {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw Diagnostic(path: path, mark: .start, message: "cannot read the file: \(String(cString: strerror(errno)))")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw Diagnostic(path: path, mark: .start, message: "is a directory, not a file")
        default: throw Diagnostic(path: path, mark: .start, message: "is not a regular file")
        }
        if Int(info.st_size) > limit {
            throw Diagnostic(path: path, mark: .start, message: "file is \(info.st_size) bytes; the limit is \(limit) bytes (1 MiB)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Diagnostic(path: path, mark: .start, message: "cannot open the file for reading")
        }
        defer { try? handle.close() }
        // Read at most one byte past the limit: a file that grew since stat is still refused.
        let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
        if data.count > limit {
            throw Diagnostic(path: path, mark: .start, message: "file is larger than the limit of \(limit) bytes (1 MiB)")
        }
        return InputFile(path: path, bytes: [UInt8](data))
    }

    /// Every `*.yaml` / `*.yml` file below `directory`, sorted, skipping hidden entries and
    /// symbolic links so that reading never leaves the folder given.
    public static func yamlFiles(under directory: String) throws(Diagnostic) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw Diagnostic(path: directory, mark: .start, message: "no such directory")
        }
        guard isDirectory.boolValue else {
            throw Diagnostic(path: directory, mark: .start, message: "is not a directory")
        }
        var found: [String] = []
        walk(directory, depth: 0) { path in
            if path.hasSuffix(".yaml") || path.hasSuffix(".yml") { found.append(path) }
        }
        return found.sorted()
    }

    /// Calls `visit` for every regular file below `directory`. Hidden entries and symbolic
    /// links are skipped; `skipping` names further folder names to leave out.
    public static func walk(_ directory: String, depth: Int, skipping: Set<String> = [], visit: (String) -> Void) {
        guard depth < 64, let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names.sorted() where !name.hasPrefix(".") && !skipping.contains(name) {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: walk(path, depth: depth + 1, skipping: skipping, visit: visit)
            case S_IFREG: visit(path)
            default: continue
            }
        }
    }
}
