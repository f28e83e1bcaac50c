public import Statuut

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A moment in time, whole seconds since 1970-01-01 UTC; printed as ISO 8601 (`2026-11-24T21:37:20Z`).
public struct Moment: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var secondsSince1970: Int64

    public init(secondsSince1970: Int64) { self.secondsSince1970 = secondsSince1970 }

    /// Midnight UTC at the start of a date, plus `seconds`.
    public init(_ date: CivilDate, seconds: Int = 0) {
        secondsSince1970 = Int64(date.dayNumber) * 86_400 + Int64(seconds)
    }

    /// The calendar date (UTC).
    public var date: CivilDate {
        CivilDate(dayNumber: Int((secondsSince1970 >= 0 ? secondsSince1970 : secondsSince1970 - 86_399) / 86_400))
    }

    public var description: String {
        let secondOfDay = Int(((secondsSince1970 % 86_400) + 86_400) % 86_400)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date)T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }

    /// Parses the printed form `YYYY-MM-DDTHH:MM:SSZ`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "T")
        guard parts.count == 2, parts[1].hasSuffix("Z"), let date = CivilDate(iso: String(parts[0])) else { return nil }
        let time = parts[1].dropLast().split(separator: ":").compactMap { Int($0) }
        guard time.count == 3, (0..<24).contains(time[0]), (0..<60).contains(time[1]), (0..<60).contains(time[2]) else { return nil }
        self.init(date, seconds: time[0] * 3600 + time[1] * 60 + time[2])
    }

    public static func < (lhs: Moment, rhs: Moment) -> Bool { lhs.secondsSince1970 < rhs.secondsSince1970 }
}

/// The source of "now", injected so that tests and golden files are stable.
public struct WallClock: Sendable {
    private let read: @Sendable () -> Moment

    public init(_ read: @escaping @Sendable () -> Moment) { self.read = read }

    public func now() -> Moment { read() }
    /// Today's date (UTC).
    public func today() -> CivilDate { now().date }

    /// The system clock.
    public static let system = WallClock { Moment(secondsSince1970: Int64(time(nil))) }

    /// A clock that always says the same moment.
    public static func fixed(_ moment: Moment) -> WallClock { WallClock { moment } }
}
