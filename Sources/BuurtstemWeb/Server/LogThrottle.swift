public import Logging
public import NIOCore
import Synchronization

/// Repeated events are logged a few times per window, then counted: a flood (a thousand slow
/// uploads reopened every few seconds, a guesser's thousand wrong codes) writes a few lines, not one
/// per event. The first `burst` events of a kind in a window are logged; the rest are counted, and
/// the next line logged for that kind says how many were left out.
public final class LogThrottle: Sendable {
    struct Window {
        var start: NIODeadline
        var logged: Int
        var suppressed: Int
    }

    let logger: Logger
    let window: TimeAmount
    let burst: Int
    private let windows = Mutex<[String: Window]>([:])

    public init(logger: Logger, window: TimeAmount = .seconds(10), burst: Int = 1) {
        self.logger = logger
        self.window = window
        self.burst = max(1, burst)
    }

    /// Whether an event of kind `key` (that happened `count` times) is to be logged now; if so, how
    /// many of its kind were left out since the last line. Nil: count it, log nothing.
    public func admit(_ key: String, count: Int = 1) -> Int? {
        let now = NIODeadline.now()
        return windows.withLock { windows -> Int? in
            var current = windows[key] ?? Window(start: now, logged: 0, suppressed: 0)
            if now - current.start >= window {
                current.start = now
                current.logged = 0
            }
            guard current.logged < burst else {
                current.suppressed += count
                windows[key] = current
                return nil
            }
            let left = current.suppressed
            current.logged += 1
            current.suppressed = 0
            windows[key] = current
            return left
        }
    }

    /// Logs `message` unless too many of kind `key` were logged in this window.
    public func log(_ level: Logger.Level, _ message: String, key: String, count: Int = 1) {
        guard let left = admit(key, count: count) else { return }
        var metadata: Logger.Metadata = [:]
        if count > 1 { metadata["count"] = .stringConvertible(count) }
        if left > 0 { metadata["leftOut"] = .stringConvertible(left) }
        logger.log(level: level, "\(message)", metadata: metadata)
    }

    public func info(_ message: String, key: String, count: Int = 1) { log(.info, message, key: key, count: count) }
    public func notice(_ message: String, key: String, count: Int = 1) { log(.notice, message, key: key, count: count) }
    public func warning(_ message: String, key: String, count: Int = 1) { log(.warning, message, key: key, count: count) }
}
