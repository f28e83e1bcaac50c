import BuurtstemStore
import NIOPosix

#if canImport(Glibc)
    import Glibc
#endif

/// Where blocking work runs, so that it never holds one of the few threads every request needs
/// (two on a two-core machine): SQLite reads and writes through the store's synchronous interface,
/// and pages built over large data. A handler awaits its lane without holding a thread; a vote is
/// written by the `VoteWriter` through GRDB's own asynchronous writes and waits for no lane.
///
/// - `pages`: the short work of a page or an API answer (a few reads, one write), four threads.
/// - `reports`: the heavy pages (the compliance report, the minutes, the audit check, the board's
///   overview), two threads at a lower CPU priority: a board member waits in line, a vote does not.
enum Lane {
    case pages
    case reports

    private static let pagesPool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 4)
        pool.start()
        return pool
    }()

    private static let reportsPool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        return pool
    }()

    /// Runs `work` on this lane's threads; the caller's task waits without holding a thread.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        switch self {
        case .pages: return try await Self.pagesPool.runIfActive(work)
        case .reports:
            return try await Self.reportsPool.runIfActive {
                Self.lowerPriority()
                return try work()
            }
        }
    }

    /// Nice 10 for the calling thread (on Linux the nice value is per thread, and 0 names the caller): the CPU goes to the
    /// votes first. Idempotent, one system call.
    private static func lowerPriority() {
        #if os(Linux)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
    }
}

extension AppDatabase {
    /// One store operation on the pages lane: `try await database.onPages { try $0.ballot(id) }`.
    func onPages<T: Sendable>(_ work: @escaping @Sendable (AppDatabase) throws -> T) async throws -> T {
        let database = self
        return try await Lane.pages.run { try work(database) }
    }
}
