public import BuurtstemCore
public import GRDB
public import Statuut

extension AppDatabase {
    /// Every resident with their residence history, sorted by id.
    public func residents() throws -> [Resident] {
        try writer.read { db in try Self.residents(db, whereClause: "", arguments: []) }
    }

    /// One resident, or nil when the id is unknown.
    public func resident(_ id: ResidentID) throws -> Resident? {
        try writer.read { db in try Self.residents(db, whereClause: "WHERE resident.id = ?", arguments: [id.rawValue]).first }
    }

    /// Join and leave events, by resident.
    public func membershipEvents() throws -> [ResidentID: [MembershipEvent]] {
        try writer.read { db in
            var result: [ResidentID: [MembershipEvent]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT resident_id, kind, requested_on, effective_on FROM membership_event ORDER BY id") {
                guard let kind = MembershipEvent.Kind(rawValue: row[1]), let requested = StoredValues.date(row[2]),
                      let effective = StoredValues.date(row[3]) else { continue }
                let id = ResidentID(row[0])
                result[id, default: []].append(MembershipEvent(resident: id, kind: kind, requestedOn: requested, effectiveOn: effective))
            }
            return result
        }
    }

    /// The members on `date` by the statute in force on that date, with that statute.
    public func members(on date: CivilDate) throws -> (members: [Resident], statute: Statute) {
        let (statute, _) = try self.statute(on: date)
        let rules = MembershipRules(statute: statute)
        let events = try membershipEvents()
        let members = try residents().filter { rules.isMember($0, on: date, events: events[$0.id] ?? []) }
        return (members, statute)
    }

    /// Records a join (opt-in statutes), checked against the statute in force on `date`.
    @discardableResult
    public func join(_ id: ResidentID, on date: CivilDate, intakeOn: CivilDate? = nil, meetsProfile: Bool = false,
                     actor: Actor = .system) throws -> MembershipEvent {
        try recordMembership(id, on: date, actor: actor) { rules, resident, events in
            try rules.join(resident, on: date, events: events, intakeOn: intakeOn, meetsProfile: meetsProfile)
        }
    }

    /// Records a resignation; it takes effect as the statute in force on `date` says.
    @discardableResult
    public func leave(_ id: ResidentID, on date: CivilDate, actor: Actor = .system) throws -> MembershipEvent {
        try recordMembership(id, on: date, actor: actor) { rules, resident, events in
            try rules.leave(resident, on: date, events: events)
        }
    }

    private func recordMembership(
        _ id: ResidentID, on date: CivilDate, actor: Actor,
        decide: (MembershipRules, Resident, [MembershipEvent]) throws -> MembershipEvent
    ) throws -> MembershipEvent {
        let (statute, version) = try self.statute(on: date)
        return try writer.write { db in
            guard let resident = try Self.residents(db, whereClause: "WHERE resident.id = ?", arguments: [id.rawValue]).first else {
                throw StoreError("no resident with id \(id) in the register")
            }
            let events = try Row.fetchAll(db, sql: "SELECT kind, requested_on, effective_on FROM membership_event WHERE resident_id = ? ORDER BY id",
                                          arguments: [id.rawValue]).compactMap { row -> MembershipEvent? in
                guard let kind = MembershipEvent.Kind(rawValue: row[0]), let r = StoredValues.date(row[1]), let e = StoredValues.date(row[2]) else { return nil }
                return MembershipEvent(resident: id, kind: kind, requestedOn: r, effectiveOn: e)
            }
            let event = try decide(MembershipRules(statute: statute), resident, events)
            let now = clock.now()
            try db.execute(sql: "INSERT INTO membership_event (resident_id, kind, requested_on, effective_on, recorded_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id.rawValue, event.kind.rawValue, event.requestedOn.description, event.effectiveOn.description, now.description])
            var audit = try AuditAppender(db, at: now)
            try audit.append(actor: actor, action: "member.\(event.kind.rawValue)", payload: .object([
                "id": .string(id.rawValue), "requestedOn": .string(event.requestedOn.description),
                "effectiveOn": .string(event.effectiveOn.description), "statuteVersion": .int(Int(version.id)),
            ]))
            try audit.finish(db)
            return event
        }
    }

    static func residents(_ db: Database, whereClause: String, arguments: StatementArguments) throws -> [Resident] {
        var result: [Resident] = []
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT resident.id, resident.birth_date, resident.birth_year, resident.name,
                   residence.postcode, residence.house_number, residence.addition, residence.moved_in, residence.moved_out
            FROM resident JOIN residence ON residence.resident_id = resident.id
            \(whereClause)
            ORDER BY resident.id, residence.id
            """, arguments: arguments)
        while let row = try cursor.next() {
            let id: String = row[0]
            guard let postcode = StoredValues.postcode(row[4]) else { continue }
            let residence = Residence(address: Address(postcode: postcode, houseNumber: row[5], addition: row[6]),
                                      movedIn: StoredValues.date(row[7]), movedOut: StoredValues.date(row[8]))
            if result.last?.id.rawValue == id {
                result[result.count - 1].residences.append(residence)
            } else {
                result.append(Resident(id: ResidentID(id), birth: StoredValues.birth(row[1], row[2]), name: row[3], residences: [residence]))
            }
        }
        return result
    }
}
