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

    /// The largest file read, 1 MiB: far beyond any real manifest, catalogue or rule file.
    public static let sizeLimit = 1 << 20

    /// Reads a regular file, refusing directories, devices and anything over the size limit
    /// before reading a byte of it.
    ///
    /// `listedRegular`: the file's directory entry, just read by a walk, says it is a regular
    /// file, so it is opened without asking the system first (a path lookup as costly as the
    /// open); what is opened is still checked with `fstat` before anything is read.
    public static func read(_ path: String, limit: Int = InputFile.sizeLimit, listedRegular: Bool = false) throws(Diagnostic) -> InputFile {
        func tooLarge(_ size: off_t) -> Diagnostic {
            Diagnostic(path: path, mark: .start, message: "file is \(size) bytes; the limit is \(limit) bytes (1 MiB)")
        }
        var info = stat()
        if !listedRegular {
            guard stat(path, &info) == 0 else {
                throw Diagnostic(path: path, mark: .start, message: "cannot read the file: \(String(cString: strerror(errno)))")
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw Diagnostic(path: path, mark: .start, message: "is a directory, not a file")
            default: throw Diagnostic(path: path, mark: .start, message: "is not a regular file")
            }
            if Int(info.st_size) > limit { throw tooLarge(info.st_size) }
        }
        // Plain POSIX reads: FileHandle costs more than the parse for a small manifest. The
        // descriptor is opened non-blocking and checked again, so a file swapped for a FIFO
        // after the stat above cannot hang the read.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            throw Diagnostic(path: path, mark: .start, message: "cannot open the file for reading: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw Diagnostic(path: path, mark: .start, message: "is not a regular file")
        }
        if listedRegular, Int(info.st_size) > limit { throw tooLarge(info.st_size) }
        // Read at most one byte past the limit: a file that grew since stat is still refused.
        let capacity = min(limit + 1, max(Int(info.st_size), 0) + 1)
        var bytes = [UInt8](repeating: 0, count: capacity)
        var count = 0
        while true {
            if count == bytes.count {
                if count > limit { break }
                bytes.append(contentsOf: repeatElement(0, count: min(limit + 1, count * 2) - count))
            }
            let n = bytes.withUnsafeMutableBytes { buffer in
                readSome(fd, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else {
                throw Diagnostic(path: path, mark: .start, message: "cannot read the file: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            count += n
        }
        if count > limit {
            throw Diagnostic(path: path, mark: .start, message: "file is larger than the limit of \(limit) bytes (1 MiB)")
        }
        bytes.removeSubrange(count...)
        return InputFile(path: path, bytes: bytes)
    }

    /// Every `*.yaml` / `*.yml` file below `directory`, sorted, skipping hidden entries and
    /// symbolic links so that reading never leaves the folder given.
    public static func yamlFiles(under directory: String) throws(Diagnostic) -> [String] {
        var problems: [Diagnostic] = []
        let found = try yamlFiles(under: directory, problems: &problems)
        if let first = problems.first { throw first }
        return found
    }

    /// As `yamlFiles(under:)`, with folders that could not be listed, or lie deeper than the
    /// walk goes, reported in `problems` instead of skipped in silence.
    public static func yamlFiles(under directory: String, problems: inout [Diagnostic]) throws(Diagnostic) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw Diagnostic(path: directory, mark: .start, message: "no such directory")
        }
        guard isDirectory.boolValue else {
            throw Diagnostic(path: directory, mark: .start, message: "is not a directory")
        }
        var found: [String] = []
        walk(directory, depth: 0, problems: &problems) { path in
            if path.hasSuffix(".yaml") || path.hasSuffix(".yml") { found.append(path) }
        }
        return found.sorted()
    }

    /// Reads every YAML file below `directory` (see `yamlFiles(under:)`). A folder that cannot
    /// be listed is thrown; a file that cannot be read is a problem beside the files that could.
    public static func readYAMLFolder(_ directory: String) throws(Diagnostic) -> (paths: [String], files: [InputFile], problems: [Diagnostic]) {
        var problems: [Diagnostic] = []
        let paths = try yamlFiles(under: directory, problems: &problems)
        var files: [InputFile] = []
        for path in paths {
            do { files.append(try read(path)) } catch { problems.append(error) }
        }
        return (paths, files, problems)
    }

    /// Calls `visit` for every regular file below `directory`. Hidden entries and symbolic
    /// links are skipped; `skipping` names further folder names to leave out.
    ///
    /// The walk is `DirectoryWalk`'s.
    public static func walk(_ directory: String, depth: Int, skipping: Set<String> = [], visit: (String) -> Void) {
        var ignored: [Diagnostic] = []
        walk(directory, depth: depth, skipping: skipping, problems: &ignored, visit: visit)
    }

    /// How many folders deep a walk goes.
    public static let maxDepth = 64

    public static func walk(_ directory: String, depth: Int, skipping: Set<String> = [], problems: inout [Diagnostic], visit: (String) -> Void) {
        DirectoryWalk.walk(directory, maxDepth: maxDepth - depth, problem: { problem in
            switch problem {
            case .tooDeep(let path):
                problems.append(Diagnostic(path: path, mark: .start, message: "is more than \(maxDepth) folders deep; the files below it were not read"))
            case .cannotList(let path, let reason):
                problems.append(Diagnostic(path: path, mark: .start, message: "cannot list this folder: \(reason)"))
            }
        }, descend: { !$0.name.hasPrefix(".") && !skipping.contains($0.name) },
           visit: { entry in
            if entry.kind == .file, !entry.name.hasPrefix("."), !skipping.contains(entry.name) { visit(entry.path) }
        })
    }
}

/// `read(2)`, out of `InputFile`'s scope where `read` names its own method.
private func readSome(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
