import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// While a server serves a database it holds a shared lock on `FILE.lock`; `restore` takes the
/// lock exclusively, so it never swaps a file out from under a running server (which would mix the
/// old write-ahead log into the new file). The lock goes with the process, also on SIGKILL.
public final class ServingLock: Sendable {
    private let descriptor: Int32

    /// Takes the shared lock for `path`; nil when it cannot be opened (then nothing is protected).
    public init?(serving path: String) {
        let descriptor = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        guard flock(descriptor, LOCK_SH | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Runs `body` while holding the lock exclusively; refuses when a server holds it.
    static func exclusively<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let descriptor = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return try body() }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            throw StoreError(
                nl: "een server gebruikt \(path) nog; stop hem eerst (systemctl stop buurtstem)",
                en: "a server is still using \(path); stop it first (systemctl stop buurtstem)")
        }
        return try body()
    }
}
