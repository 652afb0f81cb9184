import Foundation

/// Writes what a command produced to the path given with `--output`, and nothing else.
///
/// A regular file, or a path that does not exist yet, is replaced atomically: the text goes
/// to a temporary file beside it, which is then renamed over it, so a reader never sees half
/// a report and a failed run leaves the old file as it was. Anything else that already exists
/// (a device such as `/dev/null`, a FIFO, a terminal, `/dev/stdout` or a symbolic link) is
/// opened and written *into*: replacing it would destroy something that is not ours.
public enum OutputFile {
    public static func write(_ text: String, to path: String) throws(Diagnostic) {
        var bytes = Array(text.utf8)
        try write(bytes: &bytes, to: path)
    }

    public static func write(bytes: inout [UInt8], to path: String) throws(Diagnostic) {
        var link = stat()
        guard lstat(path, &link) == 0 else {
            guard errno == ENOENT else { throw problem(path, "cannot use the output path: \(lastError())") }
            return try replace(path, with: bytes, mode: 0o666 & ~currentUmask())
        }
        switch link.st_mode & S_IFMT {
        case S_IFREG:
            return try replace(path, with: bytes, mode: link.st_mode & 0o7777)
        case S_IFDIR:
            throw problem(path, "is a folder; give the path of a file to write")
        case S_IFLNK:
            var target = stat()
            guard stat(path, &target) == 0 else {
                throw problem(path, "is a symbolic link to nothing; remove it or give another output path")
            }
            if target.st_mode & S_IFMT == S_IFDIR {
                throw problem(path, "is a link to a folder; give the path of a file to write")
            }
            return try writeInto(path, bytes: bytes, truncate: target.st_mode & S_IFMT == S_IFREG)
        default:
            return try writeInto(path, bytes: bytes, truncate: false)
        }
    }

    /// Appends to `path` (a file, device or FIFO), creating a missing regular file: for
    /// reports that accumulate, such as GitHub's step summary.
    public static func append(_ text: String, to path: String) throws(Diagnostic) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw problem(path, "cannot open the file for writing: \(lastError())") }
        defer { close(fd) }
        try writeAll(fd, Array(text.utf8), path: path)
    }

    // MARK: steps

    private static func replace(_ path: String, with bytes: [UInt8], mode: mode_t) throws(Diagnostic) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var template = Array((folder.isEmpty ? "" : folder + "/").utf8CString.dropLast())
        template += Array(".\(name).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else {
            var info = stat()
            if !folder.isEmpty && stat(folder, &info) != 0 {
                throw problem(path, "cannot write the output file: the folder '\(folder)' does not exist")
            }
            throw problem(path, "cannot write the output file: \(lastError())")
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var done = false
        defer {
            close(fd)
            if !done { unlink(temporary) }
        }
        fchmod(fd, mode)
        try writeAll(fd, bytes, path: path)
        guard rename(temporary, path) == 0 else {
            throw problem(path, "cannot write the output file: \(lastError())")
        }
        done = true
    }

    private static func writeInto(_ path: String, bytes: [UInt8], truncate: Bool) throws(Diagnostic) {
        // No O_CREAT: the path exists, and a link that vanished since must not create its target.
        let fd = open(path, O_WRONLY | O_CLOEXEC | (truncate ? O_TRUNC : 0))
        guard fd >= 0 else { throw problem(path, "cannot open the output for writing: \(lastError())") }
        defer { close(fd) }
        try writeAll(fd, bytes, path: path)
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(Diagnostic) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                Foundation.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw problem(path, "cannot write the output: \(lastError())") }
            offset += n
        }
    }

    private static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }

    private static func problem(_ path: String, _ message: String) -> Diagnostic {
        Diagnostic(path: path, mark: .start, message: message, isSchemaError: false)
    }
}
