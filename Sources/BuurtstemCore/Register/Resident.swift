public import Statuut

/// A resident's pseudonymous id from the municipality's extract (never a BSN or a name).
public struct ResidentID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: ResidentID, rhs: ResidentID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A Dutch address as the register gives it: postcode, house number and an optional addition.
public struct Address: Sendable, Hashable, Codable, CustomStringConvertible {
    public var postcode: Postcode
    public var houseNumber: Int
    /// `A`, `2`, `bis`, `III`: the addition as written, upper-cased; nil when there is none.
    public var addition: String?

    public init(postcode: Postcode, houseNumber: Int, addition: String? = nil) {
        self.postcode = postcode
        self.houseNumber = houseNumber
        self.addition = addition
    }

    /// `1067 PA 12-A`
    public var description: String {
        "\(postcode) \(houseNumber)" + (addition.map { "-\($0)" } ?? "")
    }
}

/// What the register knows of a birth: the date, or only the year.
public enum Birth: Sendable, Hashable, Codable {
    case date(CivilDate)
    case year(Int)

    /// Age in whole years on `date`. With only a year known the resident counts as born on
    /// 31 December of that year, so nobody is ever counted older than they may be.
    public func age(on date: CivilDate) -> Int {
        let birth: CivilDate
        switch self {
        case .date(let d): birth = d
        case .year(let y): birth = CivilDate(year: y, month: 12, day: 31) ?? date
        }
        var years = date.year - birth.year
        if (date.month, date.day) < (birth.month, birth.day) { years -= 1 }
        return years
    }
}

/// One period at one address: from the move-in date up to (not including) the move-out date.
public struct Residence: Sendable, Hashable, Codable {
    public var address: Address
    /// The day the resident was registered at the address; nil when unknown (long ago).
    public var movedIn: CivilDate?
    /// The day the resident left the address; nil while they live there.
    public var movedOut: CivilDate?

    public init(address: Address, movedIn: CivilDate?, movedOut: CivilDate?) {
        self.address = address
        self.movedIn = movedIn
        self.movedOut = movedOut
    }

    /// Whether the resident lived here on `date` (move-in day counts, move-out day does not).
    public func covers(_ date: CivilDate) -> Bool {
        (movedIn.map { $0 <= date } ?? true) && (movedOut.map { date < $0 } ?? true)
    }
}

/// A resident with their residence history, oldest first.
public struct Resident: Sendable, Hashable, Codable {
    public var id: ResidentID
    public var birth: Birth?
    /// Kept only when the association keeps names for the check-in desk.
    public var name: String?
    public var residences: [Residence]

    public init(id: ResidentID, birth: Birth?, name: String? = nil, residences: [Residence]) {
        self.id = id
        self.birth = birth
        self.name = name
        self.residences = residences
    }

    /// Where the resident lived on `date`, if anywhere known.
    public func residence(on date: CivilDate) -> Residence? {
        residences.last { $0.covers(date) }
    }
}
