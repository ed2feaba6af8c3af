#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which file a path names, so that two spellings of one file (`a.log` and `./a.log`, a symlink,
/// a hard link) compare equal: its device and inode when it exists, else its path with the folders
/// resolved (see ``resolvedPath(_:)``).
public enum FileIdentity: Hashable, Sendable {
    case inode(device: UInt64, inode: UInt64)
    case path(String)

    public init(path: String) {
        var info = stat()
        if RawPath.withCString(path, { stat($0, &info) }) == 0 {
            self = .inode(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        } else {
            self = .path(FileIdentity.resolvedPath(path))
        }
    }

    /// Whether writing to `path` truncates a file: it is a regular file or does not exist yet (a
    /// terminal, a pipe or `/dev/null` is not truncated).
    public static func isTruncatable(_ path: String) -> Bool {
        var info = stat()
        guard RawPath.withCString(path, { stat($0, &info) }) == 0 else { return true }
        return info.st_mode & S_IFMT == S_IFREG
    }

    /// `path` absolute, with symlinks, `.` and `..` resolved; when the file does not exist, its
    /// folder is resolved and its name kept.
    public static func resolvedPath(_ path: String) -> String {
        if let real = realPath(path) { return real }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { path[..<$0].isEmpty ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard let real = realPath(folder) else { return path }
        return real.hasSuffix("/") ? real + name : real + "/" + name
    }

    private static func realPath(_ path: String) -> String? {
        guard let pointer = RawPath.withCString(path, { realpath($0, nil) }) else { return nil }
        defer { free(pointer) }
        return RawPath.string(UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)))
    }
}
