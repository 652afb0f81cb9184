import Foundation
import TechStackModel

/// The files of a repository that can be evidence (SPEC §8): every regular file below the
/// root, sorted, minus what a `.gitignore` (at any depth, git's rules) or `.git/info/exclude`
/// ignores, `.git/` itself, and symbolic links. A link to a file is kept only when the
/// file lies inside the root; a link to a folder is never followed, so no loop can form.
///
/// The walk is `DirectoryWalk`'s: its own stack of folders, no recursion, whatever the depth.
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

        /// What a folder carries down: where it is and the ignore rules in force in it.
        struct Folder {
            var relative: String
            var segments: [[UInt8]]
            var ignores: IgnoreStack
        }
        var rootIgnores = IgnoreStack()
        if let exclude = readSmall(root + "/.git/info/exclude") { rootIgnores.files.append(GitIgnore(text: exclude, base: "")) }
        if let text = readSmall(root + "/.gitignore") { rootIgnores.files.append(GitIgnore(text: text, base: "")) }
        var out: [File] = []
        // A folder that cannot be listed below the root holds no evidence; it is not an error.
        DirectoryWalk.walk(root, Folder(relative: "", segments: [], ignores: rootIgnores), problem: { _ in },
            descend: { entry, folder in
                if entry.name == ".git" { return nil }
                var segments = folder.segments
                segments.append(Array(entry.name.utf8))
                if folder.ignores.isIgnored(segments, isDirectory: true) { return nil }
                let relative = folder.relative.isEmpty ? entry.name : folder.relative + "/" + entry.name
                var ignores = folder.ignores
                if let text = readSmall(entry.path + "/.gitignore") {
                    ignores.files.append(GitIgnore(text: text, base: relative))
                }
                return Folder(relative: relative, segments: segments, ignores: ignores)
            },
            visit: { entry, folder in
                if folder.relative.isEmpty && entry.name == ".git" { return }
                if entry.kind == .symbolicLink {
                    // A link counts only as a regular file inside the root; folders are never followed.
                    var st = stat()
                    guard stat(entry.path, &st) == 0, st.st_mode & S_IFMT == S_IFREG,
                          let target = realPath(entry.path), target.hasPrefix(realRoot + "/") else { return }
                }
                var segments = folder.segments
                segments.append(Array(entry.name.utf8))
                if folder.ignores.isIgnored(segments, isDirectory: false) { return }
                let relative = folder.relative.isEmpty ? entry.name : folder.relative + "/" + entry.name
                out.append(File(path: relative, segments: segments))
            })
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
