public import Statuut

// The register and membership entries as types: each writes the payload the store always wrote
// for its action, byte for byte (`AuditEventTests`).

/// A resident applied for membership (where the statute admits on application).
public struct MemberApplied: PlainAuditEvent, Hashable {
    public static let action = AuditAction.memberApplied
    public var application: ApplicationID
    /// The resident's id.
    public var id: String
    public var appliedOn: String
    public init(application: ApplicationID, resident: ResidentID, appliedOn: CivilDate) {
        self.application = application
        self.id = resident.rawValue
        self.appliedOn = appliedOn.description
    }
}

/// How an application ended: admitted or refused.
public enum ApplicationDecision {
    public enum Admitted: LoggedAs { public static let action = AuditAction.memberAdmitted }
    public enum Refused: LoggedAs { public static let action = AuditAction.memberRefused }
}

/// The board or the assembly decided on an application: by whom, on which day, at which
/// assembly (written as null when the board decided), and why when refused.
public struct ApplicationDecided<Kind: LoggedAs>: PlainAuditEvent, Hashable, Sendable {
    public static var action: AuditAction { Kind.action }
    public var application: ApplicationID
    /// The resident's id.
    public var id: String
    public var decidedBy: String
    public var on: String
    public var assembly: OrNull<AssemblyID>
    public var reason: String?
    public init(application: ApplicationID, resident: ResidentID, decidedBy: String, on day: CivilDate, assembly: AssemblyID?, reason: String?) {
        self.application = application
        self.id = resident.rawValue
        self.decidedBy = decidedBy
        self.on = day.description
        self.assembly = OrNull(assembly)
        self.reason = reason
    }
}

/// A membership began or ended.
public enum MembershipChange {
    public enum Join: LoggedAs { public static let action = AuditAction.memberJoin }
    public enum Leave: LoggedAs { public static let action = AuditAction.memberLeave }
}

/// A member joined or left: asked on one day, effective on another, under a statute version; for
/// a membership granted on application, the application and who granted it.
public struct MembershipChanged<Kind: LoggedAs>: PlainAuditEvent, Hashable, Sendable {
    public static var action: AuditAction { Kind.action }
    /// The resident's id.
    public var id: String
    public var requestedOn: String
    public var effectiveOn: String
    public var statuteVersion: Int
    public var application: ApplicationID?
    public var decidedBy: String?
    public init(
        resident: ResidentID, requestedOn: CivilDate, effectiveOn: CivilDate, statuteVersion: Int, application: ApplicationID? = nil,
        decidedBy: String? = nil
    ) {
        self.id = resident.rawValue
        self.requestedOn = requestedOn.description
        self.effectiveOn = effectiveOn.description
        self.statuteVersion = statuteVersion
        self.application = application
        self.decidedBy = decidedBy
    }
}

/// A birth as the register entry records it: `{"date": …}`, `{"year": …}`, or null when unknown.
public struct BirthWritten: NullWritten, Sendable, Hashable, Decodable {
    public var date: String?
    public var year: Int?

    public init(_ birth: Birth?) {
        switch birth {
        case .date(let day)?: date = day.description
        case .year(let year)?: self.year = year
        case nil: break
        }
    }

    private enum Keys: String, CodingKey { case date, year }

    public init(from decoder: any Decoder) throws {
        if try decoder.singleValueContainer().decodeNil() { return }
        let container = try decoder.container(keyedBy: Keys.self)
        date = try container.decodeIfPresent(String.self, forKey: .date)
        year = try container.decodeIfPresent(Int.self, forKey: .year)
    }

    public var json: JSONValue {
        if let date { return .object(["date": .string(date)]) }
        if let year { return .object(["year": .int(year)]) }
        return .null
    }
}

/// A resident's birth or name changed in a new extract (the name itself is never logged).
public struct ResidentUpdated: PlainAuditEvent, Hashable {
    public static let action = AuditAction.residentUpdated
    /// The resident's id.
    public var id: String
    public var birth: BirthWritten
    public var nameChanged: Bool
    public init(resident: ResidentID, birth: Birth?, nameChanged: Bool) {
        self.id = resident.rawValue
        self.birth = BirthWritten(birth)
        self.nameChanged = nameChanged
    }
}

/// A resident moved within the register's area: from, to, the day, and the day they left the new
/// address if the extract already says (null otherwise).
public struct ResidentMoved: PlainAuditEvent, Hashable {
    public static let action = AuditAction.residentMoved
    /// The resident's id.
    public var id: String
    public var from: String
    public var to: String
    public var on: String
    public var movedOut: OrNull<String>
    public init(resident: ResidentID, from: Address, to: Address, on day: CivilDate, movedOut: CivilDate?) {
        self.id = resident.rawValue
        self.from = from.description
        self.to = to.description
        self.on = day.description
        self.movedOut = OrNull(movedOut?.description)
    }
}

/// How a resident left an address: the extract says they moved out, or they are no longer in it.
public enum AddressLeft {
    public enum MovedOut: LoggedAs { public static let action = AuditAction.residentMovedOut }
    public enum Absent: LoggedAs { public static let action = AuditAction.residentAbsent }
}

/// A resident left their address on a day (moved out, or absent from a later extract).
public struct ResidentLeft<Kind: LoggedAs>: PlainAuditEvent, Hashable, Sendable {
    public static var action: AuditAction { Kind.action }
    /// The resident's id.
    public var id: String
    public var from: String
    public var on: String
    public init(resident: ResidentID, from: Address, on day: CivilDate) {
        self.id = resident.rawValue
        self.from = from.description
        self.on = day.description
    }
}

/// A register extract was imported: the file, its hash, its date and what it changed.
public struct RegisterImported: PlainAuditEvent, Hashable {
    public static let action = AuditAction.registerImported
    public var `import`: Int
    public var file: String
    public var sha256: String
    public var extractDate: String
    public var read: Int
    public var imported: Int
    public var rejected: Int
    public var created: Int
    public var moved: Int
    public var movedOut: Int
    public var updated: Int
    public var absent: Int
    public var unchanged: Int

    /// The counts of one import, as its summary keeps them.
    public struct Counts: Sendable, Hashable {
        public var read = 0, imported = 0, rejected = 0, created = 0, moved = 0, movedOut = 0, updated = 0, absent = 0, unchanged = 0
        public init(
            read: Int, imported: Int, rejected: Int, created: Int, moved: Int, movedOut: Int, updated: Int, absent: Int, unchanged: Int
        ) {
            (self.read, self.imported, self.rejected, self.created) = (read, imported, rejected, created)
            (self.moved, self.movedOut, self.updated, self.absent, self.unchanged) = (moved, movedOut, updated, absent, unchanged)
        }
    }

    public init(import id: Int, file: String, sha256: String, extractDate: CivilDate, counts: Counts) {
        self.import = id
        self.file = file
        self.sha256 = sha256
        self.extractDate = extractDate.description
        (read, imported, rejected, created) = (counts.read, counts.imported, counts.rejected, counts.created)
        (moved, movedOut, updated, absent, unchanged) = (counts.moved, counts.movedOut, counts.updated, counts.absent, counts.unchanged)
    }
}

/// Residents seen for the first time in an extract, up to a batch per entry. The import writes
/// these bytes directly for speed (a million residents); this type reads them, and its payload is
/// the same bytes (`ReleaseFixtureTests` compares them on a real import).
public struct ResidentsRegistered: AuditEvent, Hashable {
    public static let action = AuditAction.residentsRegistered

    /// One new resident: address, birth, id and the residence's dates (null when unknown).
    public struct Registered: PlainAuditEvent, Hashable {
        public static let action = AuditAction.residentsRegistered
        public var address: String
        public var birth: BirthWritten
        public var id: String
        public var movedIn: OrNull<String>
        public var movedOut: OrNull<String>
        public init(resident: ResidentID, address: Address, birth: Birth?, movedIn: CivilDate?, movedOut: CivilDate?) {
            self.address = address.description
            self.birth = BirthWritten(birth)
            self.id = resident.rawValue
            self.movedIn = OrNull(movedIn?.description)
            self.movedOut = OrNull(movedOut?.description)
        }
    }

    public var count: Int
    public var residents: [Registered]

    public init(_ residents: [Registered]) {
        self.count = residents.count
        self.residents = residents
    }

    public var payload: JSONValue { .object(["count": .int(count), "residents": .array(residents.map(\.payload))]) }
}
