public import BuurtstemCore
import Foundation
public import GRDB
public import Statuut

extension AppDatabase {
    /// Records that the annual accounts of a financial year were presented to the members.
    public func presentAccounts(year: Int, on day: CivilDate, actor: AuditActor = .system) throws {
        try writer.write { db in
            guard day.year > year else {
                throw StoreError(
                    nl: "de jaarrekening \(year) kan vanaf \(year + 1) worden voorgelegd, niet op \(day)",
                    en: "the accounts of \(year) can be presented from \(year + 1) on, not on \(day)")
            }
            guard try AnnualAccountsRow.fetchOne(db, key: year) == nil else {
                throw StoreError(
                    nl: "de jaarrekening \(year) is al als voorgelegd vastgelegd", en: "the accounts of \(year) were already recorded as presented")
            }
            try AnnualAccountsRow(year: year, presentedOn: day, recordedAt: clock.now().description).insert(db)
            try audit(db, actor, AccountsPresented(year: year, on: day))
        }
    }

    /// Records an affiliated organisation's yearly confirmation of the statute's principles.
    public func confirmPrinciples(organisation: String, year: Int, on day: CivilDate, text: String, actor: AuditActor = .system) throws {
        try writer.write { db in
            let (statute, _) = try Self.statute(db, on: day)
            guard statute.organisations.contains(where: { $0.value == organisation }) else {
                let known = statute.organisations.map(\.value).joined(separator: ", ")
                throw StoreError(
                    nl: "het statuut noemt geen aangesloten organisatie \"\(organisation)\"" + (known.isEmpty ? "" : " (het noemt: \(known))"),
                    en: "the statute names no affiliated organisation \"\(organisation)\"" + (known.isEmpty ? "" : " (it names: \(known))"))
            }
            guard day.year == year else {
                throw StoreError(
                    nl: "een bevestiging voor \(year) wordt in \(year) gegeven, niet op \(day)",
                    en: "a confirmation for \(year) is given in \(year), not on \(day)")
            }
            var row = OrganisationConfirmationRow(organisation: organisation, year: year, onDate: day, text: text)
            try row.insert(db)
            try audit(db, actor, OrganisationConfirmed(organisation: organisation, year: year, on: day, text: text))
        }
    }

    /// The affiliated organisations' confirmations, by year.
    public func confirmations() throws -> [ComplianceFacts.Confirmation] {
        try writer.read { db in try Self.confirmations(db) }
    }

    static func confirmations(_ db: Database) throws -> [ComplianceFacts.Confirmation] {
        try OrganisationConfirmationRow.order(Column("year"), Column("organisation")).fetchAll(db).map(\.confirmation)
    }

    /// Everything the compliance check needs, read in one transaction (and the audit log verified,
    /// unless `verifyingAudit` is false: the calendar does not need it). With `auditSinceLastCheck`
    /// only the entries appended since this process last checked the log in full are checked
    /// (`verifyAuditSinceLastCheck`): what a page read often uses.
    public func complianceFacts(verifyingAudit: Bool = true, auditSinceLastCheck: Bool = false) throws -> ComplianceFacts {
        let verification = verifyingAudit ? try (auditSinceLastCheck ? verifyAuditSinceLastCheck() : verifyAudit()) : nil
        return try writer.read { db in
            let versions = try Self.versions(db).map {
                ComplianceFacts.Version(validFrom: $0.validFrom, statute: try Self.validStatute($0.source, fileName: $0.fileName))
            }
            let name = try AssociationRow.one(db)?.name ?? ""
            let assemblies = try Self.assemblyFacts(db)
            let demands = try Row.fetchAll(
                db,
                sql: """
                    SELECT d.received_on, d.supporters, d.call_by, a.called_on FROM assembly_demand d LEFT JOIN assembly a ON a.id = d.answered_by ORDER BY d.id
                    """
            ).map { row in
                // A date that cannot be read is an error, never a demand or accounts left out of the report.
                ComplianceFacts.DemandFact(
                    demand: AssemblyDemand(
                        receivedOn: try row.decode(CivilDate.self, forColumn: "received_on"), supporters: row["supporters"],
                        callBy: try row.decode(CivilDate.self, forColumn: "call_by")),
                    answeredOn: try row.decode(CivilDate?.self, forColumn: "called_on"))
            }
            let accounts = try AnnualAccountsRow.order(Column("year")).fetchAll(db).map(\.fact)
            let created = try AssociationRow.one(db).flatMap { CivilDate(iso: $0.createdAt.prefix(10)) }
            let firstImport = try RegisterImportRow.order(Column("extract_date")).fetchOne(db)?.extractDate
            let firstEvent = [created, firstImport, assemblies.first?.assembly.calledOn ?? assemblies.first?.assembly.date].compactMap { $0 }.min()
            var facts = ComplianceFacts(
                association: name, versions: versions, assemblies: assemblies, demands: demands, accounts: accounts,
                confirmations: try Self.confirmations(db), outsideDecisions: try Self.outsideDecisions(db),
                auditProblems: verification?.problems.map(\.description) ?? [],
                auditEntries: verification?.entries ?? 0, recordsFrom: firstEvent ?? versions.first?.validFrom ?? CivilDate(dayNumber: 0))
            facts.board = try Self.boardMembers(db)
            return facts
        }
    }

    /// Every assembly (or only `only`) with its electorate size, attendance and decisions.
    static func assemblyFacts(_ db: Database, only: AssemblyID? = nil) throws -> [ComplianceFacts.AssemblyFact] {
        var assemblies: [ComplianceFacts.AssemblyFact] = []
        for assembly in try Self.assemblies(db) where only == nil || assembly.id == only {
            var decisions: [ComplianceFacts.DecisionFact] = []
            // Counted, not loaded: the board's home page reads these facts on every visit.
            let summary = try PresenceSummary.fetch(db, assembly.id)
            let electorate =
                try summary?.electorate ?? Int.fetchOne(db, sql: "SELECT COUNT(*) FROM electorate WHERE assembly_id = ?", arguments: [assembly.id]) ?? 0
            for id in try BallotID.fetchAll(
                db,
                sql: """
                    SELECT ballot.id FROM ballot JOIN proposal ON proposal.id = ballot.proposal_id
                    WHERE proposal.assembly_id = ? ORDER BY ballot.id
                    """, arguments: [assembly.id])
            {
                let ballot = try Self.ballot(db, id)
                var proposal = try Self.proposal(db, ballot.proposal)
                // Once the electorate is purged (retention), the supporters stand as admitted then.
                if case .members = proposal.source, summary == nil {
                    proposal.source = .members(
                        try String.fetchAll(
                            db,
                            sql: """
                                SELECT s.resident_id FROM proposal_supporter s
                                JOIN electorate e ON e.resident_id = s.resident_id AND e.assembly_id = ?
                                WHERE s.proposal_id = ? ORDER BY s.resident_id
                                """, arguments: [assembly.id, proposal.id]
                        ).map(ResidentID.init))
                }
                var count: YesNoCount?
                var outcome: String?
                var chosen: [String] = []
                var chair: ChairDecision?
                var topUp: (project: String, euros: Int)?
                var recorded: (quorum: QuorumStatus, present: Int)?
                if let result = ballot.counted {
                    outcome = result.outcome.rawValue
                    chosen = result.elected ?? []
                    count = result.yesNo
                    chair = result.chairDecision.map { ChairDecision(adopted: $0.adopted, chair: $0.chair) }
                    recorded = BallotCounting.closedWith(result)
                    if let project = result.stoppedAt, let euros = result.topUp { topUp = (project, euros) }
                }
                var decision = ComplianceFacts.DecisionFact(
                    ballot: ballot.id, proposal: proposal, responses: try Self.responses(db, proposal: proposal.id),
                    method: ballot.method, count: count, outcome: outcome, options: ballot.options, chosen: chosen,
                    votesCast: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM vote WHERE ballot_id = ?", arguments: [ballot.id]) ?? 0)
                decision.roundOf = ballot.roundOf
                decision.chairDecision = chair
                decision.topUp = topUp
                decision.recordedQuorum = recorded?.quorum
                decision.recordedPresent = recorded?.present
                decisions.append(decision)
            }
            assemblies.append(
                ComplianceFacts.AssemblyFact(
                    assembly: assembly, electorate: electorate,
                    attendance: try Self.attendance(db, assembly.id), decisions: decisions))
        }
        return assemblies
    }

    /// The minutes of an assembly, by the statute in force on its date.
    public func minutes(assembly id: AssemblyID) throws -> Minutes {
        try writer.read { db in
            guard let fact = try Self.assemblyFacts(db, only: id).first else {
                throw StoreError.notFound(nl: "er is geen vergadering \(id)", en: "there is no assembly \(id)")
            }
            let (statute, version) = try Self.statute(db, on: fact.assembly.date)
            var head: AuditHead?
            let closing = AuditEntryRow.filter(
                Column("action") == AssemblyClosed.action.rawValue && Column("payload") == AssemblyClosed(assembly: id).payload.encoded(pretty: false))
            if let seq = try closing.fetchOne(db)?.seq, let checkpoint = try AuditCheckpointRow.fetchOne(db, key: seq) {
                head = AuditHead(size: seq, root: Hash([UInt8](checkpoint.root)))
            }
            let name = try AssociationRow.one(db)?.name ?? ""
            let confirmations = try Self.confirmations(db).filter { $0.year == fact.assembly.date.year && $0.on <= fact.assembly.date }
            var minutes = Minutes(
                association: name, statute: statute, statuteFrom: version.validFrom, statuteSHA256: version.sha256, fact: fact,
                closedHead: head, confirmations: confirmations)
            minutes.links = try Self.meetingLinks(db, of: fact.assembly)
            minutes.admissions = try Self.applications(db, decidedAt: id)
            return minutes
        }
    }
}

extension AppDatabase {
    /// Records a decision taken outside a meeting (in writing), judged by the statute in force on
    /// `day`: refused where the statute does not allow it; otherwise adopted or rejected by its
    /// majority of the members on that day. The evidence is each member's written vote: `voters`
    /// are the members who voted (not how); each must be a member that day, and the counts must
    /// add up to them. Returns the outcome.
    public func decideOutsideMeeting(
        title: String, text: String = "", kind: String, count: YesNoCount, voters: [ResidentID], on day: CivilDate,
        actor: AuditActor = .system
    ) throws -> DecisionOutcome {
        try writer.write { db in
            let (statute, _) = try Self.statute(db, on: day)
            if case .notAllowed = statute.outsideMeeting.value {
                throw Refusal(
                    nl: "het statuut staat geen besluiten buiten de vergadering toe", en: "the statute does not allow decisions outside a meeting",
                    source: statute.outsideMeeting.source)
            }
            guard statute.decisionKind(named: kind) != nil else {
                throw StoreError(nl: "het statuut kent geen besluit \(kind)", en: "the statute has no decision kind \(kind)")
            }
            let memberIDs = Set(try Self.members(db, on: day, statute: statute).map(\.id))
            let members = memberIDs.count
            guard count.yes + count.no + count.blank <= members else {
                throw StoreError(
                    nl: "\(count.yes + count.no + count.blank) stemmen, maar er waren op \(day) maar \(members) leden",
                    en: "\(count.yes + count.no + count.blank) votes, but there were only \(members) members on \(day)")
            }
            guard Set(voters).count == voters.count else {
                throw StoreError(nl: "een lid staat twee keer bij de schriftelijke stemmen", en: "a member is named twice among the written votes")
            }
            let strangers = voters.filter { !memberIDs.contains($0) }
            guard strangers.isEmpty else {
                throw StoreError(
                    nl: "geen lid op \(day): \(strangers.map(\.rawValue).joined(separator: ", ")); alleen leden stemmen schriftelijk",
                    en: "not members on \(day): \(strangers.map(\.rawValue).joined(separator: ", ")); only members vote in writing")
            }
            guard voters.count == count.yes + count.no + count.blank else {
                throw StoreError(
                    nl:
                        "\(voters.count) leden stemden schriftelijk, maar de tellingen komen op \(count.yes + count.no + count.blank) (voor \(count.yes), tegen \(count.no), blanco \(count.blank))",
                    en:
                        "\(voters.count) members voted in writing, but the counts add up to \(count.yes + count.no + count.blank) (yes \(count.yes), no \(count.no), blank \(count.blank))"
                )
            }
            let outcome = ProposalRules(statute: statute).decideOutsideMeeting(count, members: members)
            var row = OutsideDecisionRow(
                title: title, text: text, kind: DecisionKindNames.canonical(kind), decidedOn: day, members: members, yes: count.yes, no: count.no,
                blank: count.blank, outcome: outcome.result)
            try row.insert(db)
            guard let decision = row.id else { throw StoreError(nl: "een besluit zonder nummer", en: "a decision without a number") }
            for voter in voters { try OutsideDecisionVoterRow(decisionId: decision, residentId: voter).insert(db) }
            try audit(
                db, actor,
                DecisionOutsideMeeting(
                    title: title, kind: DecisionKindNames.canonical(kind), on: day, members: members, count: count, outcome: outcome.result.rawValue,
                    voters: voters))
            return outcome
        }
    }

    static func outsideDecisions(_ db: Database) throws -> [ComplianceFacts.OutsideDecision] {
        try OutsideDecisionRow.order(Column("id")).fetchAll(db).map { row in
            var decision = row.fact
            decision.writtenVotes = try OutsideDecisionVoterRow.filter(Column("decision_id") == row.id).fetchCount(db)
            return decision
        }
    }

    /// The first meeting of a second meeting, or the second meeting of a first and which proposal
    /// went where.
    static func meetingLinks(_ db: Database, of assembly: Assembly) throws -> MeetingLinks {
        var links = MeetingLinks()
        if let first = assembly.secondMeetingOf { links.firstMeeting = try Self.assembly(db, first) }
        if let second = try AssemblyID.fetchOne(db, sql: "SELECT id FROM assembly WHERE second_meeting_of = ? ORDER BY id LIMIT 1", arguments: [assembly.id]) {
            links.secondMeeting = try Self.assembly(db, second)
            for row in try Row.fetchAll(
                db, sql: "SELECT id, carried_from FROM proposal WHERE assembly_id = ? AND carried_from IS NOT NULL",
                arguments: [second])
            {
                links.carried[row["carried_from"]] = row["id"]
            }
        }
        return links
    }
}
