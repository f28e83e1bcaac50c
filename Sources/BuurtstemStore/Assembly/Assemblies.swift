public import BuurtstemCore
import Foundation
public import GRDB
public import Statuut

/// Assemblies and attendance: intent-named writes, each checked by the statute in force on the
/// assembly's date and audited in the same transaction.
extension AppDatabase {
    /// Plans an assembly; returns it with advice (e.g. a long gap since the last one).
    ///
    /// With `secondMeetingOf`, the assembly is the second meeting the statute gives for items that
    /// failed for lack of quorum (`tweede vergadering binnen N dagen zonder quorum`): every such item
    /// of that assembly whose window includes `date` is carried to its agenda, admitted without a new
    /// proposal deadline, and decided there without quorum (with the same majority).
    public func scheduleAssembly(
        date: CivilDate, place: String, agendaKinds: [String] = [], today: CivilDate,
        secondMeetingOf first: AssemblyID? = nil, actor: AuditActor = .system
    ) throws -> (Assembly, [Advice]) {
        try writer.write { db in
            let (statute, _) = try Self.statute(db, on: date)
            let existing = try Self.assemblies(db)
            var carried: [Proposal] = []
            if let first {
                carried = try Self.itemsForSecondMeeting(db, of: first, on: date)
            }
            var kinds: [String] = []
            for kind in agendaKinds.map(DecisionKindNames.canonical) + carried.map(\.kind) where !kinds.contains(kind) { kinds.append(kind) }
            // The id is the row's, given by the database on insert.
            var (assembly, advice) = try AssemblyRules(statute: statute).schedule(
                id: 0, date: date, place: place, today: today, agendaKinds: kinds, existing: existing)
            assembly.secondMeetingOf = first
            var row = AssemblyRow(assembly)
            try row.insert(db)
            guard let id = row.id else { throw StoreError(nl: "een vergadering zonder nummer", en: "an assembly without a number") }
            assembly.id = id
            try audit(
                db, actor, AssemblyScheduled(assembly: id, date: date, place: place, agenda: assembly.agendaKinds, secondMeetingOf: first))
            for proposal in carried {
                let newID = try Self.carry(db, proposal, to: id)
                try audit(db, actor, ProposalCarried(proposal: newID, from: proposal.id, assembly: id, firstMeeting: proposal.assembly))
            }
            return (assembly, advice)
        }
    }

    /// The items of assembly `first` that failed for lack of quorum, whose kind has a second
    /// meeting, not yet carried, and whose window (after the first meeting, within the statute's
    /// days) includes `date`. Refuses when there is none, saying why.
    static func itemsForSecondMeeting(_ db: Database, of first: AssemblyID, on date: CivilDate) throws -> [Proposal] {
        let assembly = try Self.assembly(db, first)
        guard assembly.secondMeetingOf == nil else {
            throw StoreError(
                nl: "vergadering \(first) is zelf een tweede vergadering; haar punten zijn al zonder quorum beslist",
                en: "assembly \(first) is itself a second meeting; its items were already decided without quorum")
        }
        let (statute, _) = try Self.statute(db, on: assembly.date)
        let failed = try ProposalID.fetchAll(
            db,
            sql: """
                SELECT proposal.id FROM proposal JOIN ballot ON ballot.proposal_id = proposal.id
                WHERE proposal.assembly_id = ? AND ballot.state = 'closed' AND json_extract(ballot.result, '$.outcome') = 'noQuorum'
                  AND NOT EXISTS (SELECT 1 FROM proposal p2 WHERE p2.carried_from = proposal.id)
                ORDER BY proposal.id
                """, arguments: [first]
        ).map { try Self.proposal(db, $0) }
        guard !failed.isEmpty else {
            throw StoreError(
                nl: "vergadering \(first) heeft geen punt dat strandde op het quorum en nog niet naar een tweede vergadering ging",
                en: "assembly \(first) has no item that failed for lack of quorum and is not yet carried to a second meeting")
        }
        var carried: [Proposal] = []
        var reasons: [String] = []
        for proposal in failed {
            guard let kind = statute.decisionKind(named: proposal.kind), let days = kind.secondMeetingDays.value else {
                reasons.append("proposal \(proposal.id) (\(proposal.kind)): the statute gives this kind no second meeting")
                continue
            }
            let last = assembly.date.adding(days: days)
            guard date > assembly.date, date <= last else {
                reasons.append(
                    "proposal \(proposal.id) (\(proposal.kind)): the second meeting must be after \(assembly.date) and by \(last) (\(days) days, \(kind.secondMeetingDays.source.cited(in: .en)))"
                )
                continue
            }
            carried.append(proposal)
        }
        guard !carried.isEmpty else {
            throw StoreError(
                nl: "geen punt van vergadering \(first) kan op \(date) naar een tweede vergadering: " + reasons.joined(separator: "; "),
                en: "no item of assembly \(first) can go to a second meeting on \(date): " + reasons.joined(separator: "; "))
        }
        return carried
    }

    /// Puts a copy of `proposal` on assembly `id`'s agenda, admitted, linked to the original.
    private static func carry(_ db: Database, _ proposal: Proposal, to id: AssemblyID) throws -> ProposalID {
        var row = ProposalRow(proposal, state: .admitted, assembly: id, carriedFrom: proposal.id)
        let newID = try row.insert(db, supporters: proposal.source.stored.supporters)
        return newID
    }

    /// Sends the notice: checks the notice period and freezes the electorate on the reference date.
    public func callAssembly(_ id: AssemblyID, on day: CivilDate, actor: AuditActor = .system) throws -> (assembly: Assembly, electorate: Int) {
        try writer.write { db in
            let assembly = try Self.assembly(db, id)
            let (statute, version) = try Self.statute(db, on: assembly.date)
            let called = try AssemblyRules(statute: statute).call(assembly, on: day)
            guard let reference = called.referenceDate else { throw StoreError(nl: "geen peildatum", en: "no reference date") }
            let (referenceStatute, _) = try Self.statute(db, on: reference)
            let members = try Self.members(db, on: reference, statute: referenceStatute)
            for member in members { try ElectorateRow(assemblyId: id, residentId: member.id).insert(db) }
            try Self.store(db, called)
            // Calling an assembly answers the members' demands received before it.
            for var demand in try AssemblyDemandRow.filter(Column("answered_by") == nil && Column("received_on") <= day).fetchAll(db) {
                demand.answeredBy = id
                try demand.update(db)
            }
            try audit(
                db, actor,
                AssemblyCalled(assembly: id, calledOn: day, referenceDate: reference, electorate: members.count, statuteVersion: version.id.rawValue))
            return (called, members.count)
        }
    }

    /// Opens the assembly on its day; returns the quorum at opening.
    public func openAssembly(_ id: AssemblyID, on day: CivilDate, actor: AuditActor = .system) throws -> QuorumStatus {
        try writer.write { db in
            let assembly = try Self.assembly(db, id)
            // A day given by hand records what happened; a day still to come has not happened.
            guard day <= clock.today() else {
                throw StoreError(
                    nl: "vergadering \(id) kan niet worden vastgelegd als geopend op \(day): die dag moet nog komen (vandaag is \(clock.today()))",
                    en: "assembly \(id) cannot be recorded as opened on \(day): that day is still to come (today is \(clock.today()))")
            }
            let (statute, _) = try Self.statute(db, on: assembly.date)
            try Self.store(db, try AssemblyRules(statute: statute).open(assembly, on: day))
            let quorum = QuorumStatus.check(
                statute.quorum, attendance: try Self.attendance(db, id),
                electorate: try Self.electorate(db, id).count)
            try audit(db, actor, AssemblyOpened(assembly: id, quorumMet: quorum.met, counted: quorum.counted, needed: quorum.needed))
            return quorum
        }
    }

    /// Closes the assembly; returns the audit head to print on the minutes.
    public func closeAssembly(_ id: AssemblyID, actor: AuditActor = .system) throws -> AuditHead {
        try writer.write { db in
            let assembly = try Self.assembly(db, id)
            let (statute, _) = try Self.statute(db, on: assembly.date)
            let closed = try AssemblyRules(statute: statute).close(assembly)
            if let open = try Int.fetchOne(
                db,
                sql: "SELECT COUNT(*) FROM ballot JOIN proposal ON proposal.id = ballot.proposal_id WHERE proposal.assembly_id = ? AND ballot.state = 'open'",
                arguments: [id]), open > 0
            {
                throw StoreError(
                    nl: "vergadering \(id) heeft nog \(open) open \(open == 1 ? "stemming" : "stemmingen"); sluit die eerst",
                    en: "assembly \(id) still has \(open) open ballot\(open == 1 ? "" : "s"); close them first")
            }
            // A tie is not the end of an item: its second round or the chair's decision comes first.
            if let waiting = try ProposalID.fetchOne(
                db,
                sql: """
                    SELECT ballot.proposal_id FROM ballot JOIN proposal ON proposal.id = ballot.proposal_id
                    WHERE proposal.assembly_id = ? AND proposal.state = 'admitted' AND json_extract(ballot.result, '$.outcome') = 'revote'
                    """, arguments: [id])
            {
                throw StoreError(
                    nl: "de stemmen over voorstel \(waiting) staakten en het statuut zegt: opnieuw stemmen; open eerst de herstemming",
                    en: "the votes on proposal \(waiting) tied and the statute says vote again: open its second round first")
            }
            if let waiting = try BallotID.fetchOne(
                db,
                sql: """
                    SELECT ballot.id FROM ballot JOIN proposal ON proposal.id = ballot.proposal_id
                    WHERE proposal.assembly_id = ? AND json_extract(ballot.result, '$.outcome') = 'chairDecides'
                      AND json_extract(ballot.result, '$.chairDecision') IS NULL
                    """, arguments: [id])
            {
                throw StoreError(
                    nl: "de stemmen op stemming \(waiting) staakten en het statuut laat de voorzitter beslissen; leg eerst het besluit van de voorzitter vast",
                    en: "the votes on ballot \(waiting) tied and the statute lets the chair decide: record the chair's decision first")
            }
            try Self.store(db, closed)
            var appender = try AuditAppender(db, at: clock.now())
            try appender.append(actor: actor, AssemblyClosed(assembly: id))
            return try appender.finish(db)
        }
    }

    /// Every assembly, by date.
    public func assemblies() throws -> [Assembly] { try writer.read { try Self.assemblies($0) } }

    /// Marks a member of the assembly's electorate present.
    public func checkIn(_ member: ResidentID, assembly id: AssemblyID, actor: AuditActor = .desk("balie")) throws -> QuorumStatus {
        try checkIn([member], assembly: id, actor: actor)
    }

    /// Marks members present in one transaction (a paper attendance list typed in afterwards):
    /// all or none, each with its own audit entry.
    public func checkIn(_ members: [ResidentID], assembly id: AssemblyID, actor: AuditActor = .desk("balie")) throws -> QuorumStatus {
        try writer.write { db in
            let assembly = try Self.assembly(db, id)
            guard assembly.state == .called || assembly.state == .open else {
                throw StoreError(
                    nl: "aanmelden kan zodra vergadering \(id) is opgeroepen en tot zij sluit; zij is \(assembly.state.rawValue)",
                    en: "check-in is possible once assembly \(id) is called and until it closes; it is \(assembly.state.rawValue)")
            }
            let (statute, _) = try Self.statute(db, on: assembly.date)
            var attendance = try Self.attendance(db, id)
            let electorate = try Self.electorate(db, id)
            var appender = try AuditAppender(db, at: clock.now())
            for member in members {
                try attendance.checkIn(member, electorate: electorate, statute: statute)
                try AttendanceRow(assemblyId: id, residentId: member).insert(db)
                // Checking in activates the member's voting code.
                try VotingCodeRow.activate(db, assembly: id, member: member)
                try ProxyRow.deleteOne(db, key: ["assembly_id": id.databaseValue, "giver": member.databaseValue])
                try appender.append(actor: actor, MemberCheckedIn(assembly: id, member: member))
            }
            try appender.finish(db)
            return QuorumStatus.check(statute.quorum, attendance: attendance, electorate: electorate.count)
        }
    }

    /// Records a proxy from `giver` to `holder` (who must be present).
    public func proxy(from giver: ResidentID, to holder: ResidentID, assembly id: AssemblyID, actor: AuditActor = .desk("balie")) throws -> QuorumStatus {
        try writer.write { db in
            let assembly = try Self.assembly(db, id)
            let (statute, _) = try Self.statute(db, on: assembly.date)
            var attendance = try Self.attendance(db, id)
            let electorate = try Self.electorate(db, id)
            try attendance.proxy(from: giver, to: holder, electorate: electorate, statute: statute)
            try ProxyRow(assemblyId: id, giver: giver, holder: holder).insert(db)
            // The holder votes with the giver's code, which becomes active now.
            try VotingCodeRow.activate(db, assembly: id, member: giver)
            try audit(db, actor, ProxyRecorded(assembly: id, giver: giver, holder: holder))
            return QuorumStatus.check(statute.quorum, attendance: attendance, electorate: electorate.count)
        }
    }

    /// The attendance and electorate size of an assembly.
    public func attendance(assembly id: AssemblyID) throws -> (attendance: Attendance, electorate: Set<ResidentID>) {
        try writer.read { db in (try Self.attendance(db, id), try Self.electorate(db, id)) }
    }

    /// Records members' demand for an assembly; returns the day by which the board must call it.
    public func demandAssembly(supporters: Int, on day: CivilDate, actor: AuditActor = .system) throws -> AssemblyDemand {
        try writer.write { db in
            let (statute, _) = try Self.statute(db, on: day)
            let members = try Self.members(db, on: day, statute: statute).count
            let demand = try AssemblyRules(statute: statute).demand(supporters: supporters, of: members, on: day)
            var row = AssemblyDemandRow(receivedOn: day, supporters: supporters, callBy: demand.callBy)
            try row.insert(db)
            try audit(db, actor, AssemblyDemanded(receivedOn: day, supporters: supporters, members: members, callBy: demand.callBy))
            return demand
        }
    }

    /// Members' demands not yet answered by calling an assembly, with the day to call by.
    public func openDemands() throws -> [AssemblyDemand] {
        try writer.read { db in
            try AssemblyDemandRow.filter(Column("answered_by") == nil).order(Column("call_by")).fetchAll(db).map(\.demand)
        }
    }

    // MARK: Reading inside a transaction

    static func assembly(_ db: Database, _ id: AssemblyID) throws -> Assembly {
        guard let row = try AssemblyRow.fetchReadable(db, key: id) else {
            throw StoreError.notFound(nl: "er is geen vergadering \(id)", en: "there is no assembly \(id)")
        }
        return row.assembly
    }

    static func assemblies(_ db: Database) throws -> [Assembly] {
        try AssemblyRow.order(Column("date"), Column("id")).fetchAll(db).map(\.assembly)
    }

    /// Writes an assembly as the core's rules left it (called, opened, closed).
    static func store(_ db: Database, _ assembly: Assembly) throws {
        var row = AssemblyRow(assembly)
        row.id = assembly.id
        try row.update(db)
    }

    static func electorate(_ db: Database, _ id: AssemblyID) throws -> Set<ResidentID> {
        if let summary = try PresenceSummary.fetch(db, id) { return PresenceSummary.placeholders("electorate", summary.electorate) }
        // Tens of thousands of rows on every turnout, projector and compliance read: the ids alone,
        // without the record's decoder (which made the projector six times slower under load).
        let ids = ElectorateRow.select(Column("resident_id"), as: String.self).filter(Column("assembly_id") == id)
        return Set(try ids.fetchAll(db).map(ResidentID.init))
    }

    static func attendance(_ db: Database, _ id: AssemblyID) throws -> Attendance {
        var attendance = Attendance()
        if let summary = try PresenceSummary.fetch(db, id) {
            // The lists are gone (retention); the counts stand for them: placeholders, never a member's id.
            let present = PresenceSummary.placeholders("present", summary.present)
            let holder = present.min()
            let givers = PresenceSummary.placeholders("proxy", holder == nil ? 0 : summary.represented)
            attendance.restore(present: present, proxies: Dictionary(uniqueKeysWithValues: givers.map { ($0, holder!) }))
            return attendance
        }
        attendance.restore(
            present: Set(try String.fetchAll(db, sql: "SELECT resident_id FROM attendance WHERE assembly_id = ?", arguments: [id]).map(ResidentID.init)),
            proxies: Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT giver, holder FROM proxy WHERE assembly_id = ?", arguments: [id])
                    .map { (ResidentID($0["giver"] as String), ResidentID($0["holder"] as String)) }))
        return attendance
    }

    /// Appends one typed event in its own appender (one entry in this transaction).
    func audit(_ db: Database, _ actor: AuditActor, _ event: some AuditEvent) throws {
        var appender = try AuditAppender(db, at: clock.now())
        try appender.append(actor: actor, event)
        try appender.finish(db)
    }
}
