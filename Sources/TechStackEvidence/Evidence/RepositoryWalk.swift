import Foundation
import TechStackModel

/// The files of a repository that can be evidence (SPEC §8): every regular file below the
/// root, sorted, minus what a `.gitignore` (at any depth, git's rules) or `.git/info/exclude`
/// ignores, `.git/` itself, and symbolic links. A link to a file is kept only when the
/// file lies inside the root; a link to a folder is never followed, so no loop can form.
///
/// The walk keeps its own stack of folders: no recursion, whatever the depth.
public enum RepositoryWalk {
    public struct File: Sendable {
        /// Relative to the root, `/` between folders.
        public var path: String
        public var segments: [[UInt8]]
    }

    /// Every file that can be evidence; throws only when the root itself cannot be read.
    public static func files(root: String) throws(Diagnostic) -> [File] {
        var info = stat()
        guard stat(root, &info) == 0 else {
            throw Diagnostic(path: root, mark: .start, message: "cannot read the repository folder: \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw Diagnostic(path: root, mark: .start, message: "is not a folder; detect reads a repository folder")
        }
        guard let dir = opendir(root) else {
            throw Diagnostic(path: root, mark: .start, message: "cannot read the repository folder: \(String(cString: strerror(errno)))")
        }
        closedir(dir)
        let realRoot = realPath(root) ?? root

        struct Pending {
            var relative: String
            var segments: [[UInt8]]
            var ignores: IgnoreStack
        }
        var root0 = IgnoreStack()
        if let exclude = readSmall(root + "/.git/info/exclude") { root0.files.append(GitIgnore(text: exclude, base: "")) }
        var stack = [Pending(relative: "", segments: [], ignores: root0)]
        var out: [File] = []
        while let folder = stack.popLast() {
            let absolute = folder.relative.isEmpty ? root : root + "/" + folder.relative
            var ignores = folder.ignores
            if let text = readSmall(absolute + "/.gitignore") {
                ignores.files.append(GitIgnore(text: text, base: folder.relative))
            }
            guard let dir = opendir(absolute) else { continue }
            var entries: [(name: String, type: UInt8)] = []
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                entries.append((name, entry.pointee.d_type))
            }
            closedir(dir)
            entries.sort { $0.name > $1.name }
            var subfolders: [Pending] = []
            for entry in entries {
                if folder.relative.isEmpty && entry.name == ".git" { continue }
                let relative = folder.relative.isEmpty ? entry.name : folder.relative + "/" + entry.name
                let full = absolute + "/" + entry.name
                var type = entry.type
                if type == UInt8(DT_UNKNOWN) {
                    var st = stat()
                    guard lstat(full, &st) == 0 else { continue }
                    switch st.st_mode & S_IFMT {
                    case S_IFDIR: type = UInt8(DT_DIR)
                    case S_IFREG: type = UInt8(DT_REG)
                    case S_IFLNK: type = UInt8(DT_LNK)
                    default: continue
                    }
                }
                var segments = folder.segments
                segments.append(Array(entry.name.utf8))
                if type == UInt8(DT_DIR) {
                    if entry.name == ".git" { continue }
                    if ignores.isIgnored(segments, isDirectory: true) { continue }
                    subfolders.append(Pending(relative: relative, segments: segments, ignores: ignores))
                } else if type == UInt8(DT_REG) {
                    if ignores.isIgnored(segments, isDirectory: false) { continue }
                    out.append(File(path: relative, segments: segments))
                } else if type == UInt8(DT_LNK) {
                    // A link counts only as a regular file inside the root; folders are never followed.
                    var st = stat()
                    guard stat(full, &st) == 0, st.st_mode & S_IFMT == S_IFREG,
                          let target = realPath(full), target.hasPrefix(realRoot + "/") else { continue }
                    if ignores.isIgnored(segments, isDirectory: false) { continue }
                    out.append(File(path: relative, segments: segments))
                }
            }
            // Folders are pushed in reverse so that they are visited in name order.
            stack += subfolders
        }
        return out.sorted { $0.path < $1.path }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// A small text file (`.gitignore`), or nil when it is absent or not a regular file.
    static func readSmall(_ path: String) -> String? {
        guard let bytes = EvidenceFile.read(path, limit: 1 << 20) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Reading a file that may be evidence: never a FIFO, device or folder (opened non-blocking
/// and checked with fstat), never more than `limit` bytes (a larger file is skipped).
enum EvidenceFile {
    static let limit = 1 << 20

    static func read(_ path: String, limit: Int = EvidenceFile.limit) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= limit else { return nil }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while count < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(fd, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { return nil }
            if n == 0 { break }
            count += n
        }
        // Grown past the limit since fstat: skipped like any file over it.
        guard count <= limit else { return nil }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// Git's test: a NUL byte in the first 8,000 bytes makes a file binary.
    static func isBinary(_ bytes: [UInt8]) -> Bool {
        bytes.prefix(8000).contains(0)
    }
}
