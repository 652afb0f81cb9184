import Foundation

/// The one walk over a folder tree: the YAML folders of catalogues, rules, campaigns and
/// levels, a portfolio's manifests, and a repository's evidence.
///
/// Entries are read with `readdir`, whose types spare a `stat` per file (an `lstat` only where
/// the file system leaves the type out). Symbolic links are reported as links and never
/// followed, so the walk cannot leave the tree or loop; FIFOs, sockets and devices are left
/// out. The walk keeps its own stack of folders, so no depth can exhaust the call stack; the
/// folders are walked depth-first in name order, and each folder's entries are visited in
/// name order.
public enum DirectoryWalk {
    public enum Kind: Sendable { case directory, file, symbolicLink }

    public struct Entry: Sendable {
        public let name: String
        /// The folder's path and the name, `/` between them.
        public let path: String
        public let kind: Kind
    }

    public enum Problem: Sendable, Error {
        /// The folder could not be listed; `reason` is the system's.
        case cannotList(path: String, reason: String)
        /// The folder lies `maxDepth` folders below the root; nothing below it was read.
        case tooDeep(path: String)
    }

    /// Walks below `root`. `descend` decides, for each folder met, whether it is walked, and
    /// with which `Folder` value (what a caller carries down, e.g. the ignore rules in force);
    /// `visit` is called for each file and symbolic link with the value of its folder.
    public static func walk<Folder>(_ root: String, _ rootFolder: Folder, maxDepth: Int? = nil,
                                    problem: (Problem) -> Void,
                                    descend: (Entry, Folder) -> Folder?,
                                    visit: (Entry, Folder) -> Void) {
        var stack: [(path: String, depth: Int, folder: Folder)] = [(root, 0, rootFolder)]
        while let next = stack.popLast() {
            let (directory, depth, folder) = next
            if let maxDepth, depth >= maxDepth {
                problem(.tooDeep(path: directory))
                continue
            }
            guard let stream = opendir(directory) else {
                problem(.cannotList(path: directory, reason: String(cString: strerror(errno))))
                continue
            }
            var entries: [(name: String, type: UInt8)] = []
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name == "." || name == ".." { continue }
                entries.append((name, entry.pointee.d_type))
            }
            closedir(stream)
            entries.sort { $0.name < $1.name }
            let base = directory.hasSuffix("/") ? directory : directory + "/"
            var subfolders: [(path: String, depth: Int, folder: Folder)] = []
            for (name, type) in entries {
                let path = base + name
                guard let kind = kind(type, path) else { continue }
                let entry = Entry(name: name, path: path, kind: kind)
                if kind == .directory {
                    if let inner = descend(entry, folder) { subfolders.append((path, depth + 1, inner)) }
                } else {
                    visit(entry, folder)
                }
            }
            // Pushed in reverse, so that they are walked in name order.
            stack += subfolders.reversed()
        }
    }

    /// As `walk(_:_:maxDepth:problem:descend:visit:)`, with nothing carried down.
    public static func walk(_ root: String, maxDepth: Int? = nil, problem: (Problem) -> Void,
                            descend: (Entry) -> Bool, visit: (Entry) -> Void) {
        walk(root, (), maxDepth: maxDepth, problem: problem,
             descend: { entry, _ in descend(entry) ? () : nil }, visit: { entry, _ in visit(entry) })
    }

    private static func kind(_ type: UInt8, _ path: String) -> Kind? {
        switch Int(type) {
        case Int(DT_DIR): return .directory
        case Int(DT_REG): return .file
        case Int(DT_LNK): return .symbolicLink
        case Int(DT_UNKNOWN):
            // Some file systems do not fill in the type; ask, without following links.
            var info = stat()
            guard lstat(path, &info) == 0 else { return nil }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return .directory
            case S_IFREG: return .file
            case S_IFLNK: return .symbolicLink
            default: return nil
            }
        default: return nil
        }
    }
}
