public import BuurtstemCore
import Foundation
import GRDB
public import Statuut

/// A ballot as stored.
public struct BallotRecord: Sendable, Hashable {
    public var id: BallotID
    public var proposal: ProposalID
    public var method: TallyMethod
    public var options: [BallotOption]
    public var seats: Int?
    /// Whole euros, for budget ballots.
    public var budget: Int?
    public var isOpen: Bool
    /// The result as canonical JSON, once closed (the bytes the audit log commits to).
    public var result: String?
    /// For a second round after a tie: the ballot whose votes tied.
    public var roundOf: BallotID? = nil
    /// The result read as a type, once closed.
    public var counted: BallotResult? = nil
}

extension AppDatabase {
    /// Opens the ballot on an admitted proposal of an open assembly, with the method, seats and
    /// budget of its decision kind; waits for the social shareholders' advice or consent.
    public func openBallot(proposal id: ProposalID, options: [BallotOption] = [], actor: AuditActor = .system) throws -> BallotRecord {
        try writer.write { db in
            let proposal = try Self.proposal(db, id)
            let assembly = try Self.assembly(db, proposal.assembly)
            // A proposal whose votes tied under `staking herstemming` comes back for its second round.
            let roundOf = try BallotID.fetchOne(
                db,
                sql: """
                    SELECT id FROM ballot WHERE proposal_id = ? AND json_extract(result, '$.outcome') = 'revote' ORDER BY id DESC LIMIT 1
                    """, arguments: [id])
            let (statute, _) = try Self.statute(db, on: assembly.date)
            guard let kind = statute.decisionKind(named: proposal.kind) else {
                throw StoreError(nl: "het statuut kent geen besluit \(proposal.kind)", en: "the statute has no decision kind \(proposal.kind)")
            }
            let setup: BallotSetup
            do {
                setup = try BallotSetup.make(
                    for: proposal, at: assembly, kind: kind, statute: statute, responses: try Self.responses(db, proposal: id), options: options,
                    granted: kind.budget.value?.period == nil ? [] : try Self.granted(db))
            } catch let problem as BallotSetup.Problem {
                throw StoreError(nl: problem.nl, en: problem.en)
            }
            let (method, choices, seats, budget) = (setup.method, setup.options, setup.seats, setup.budget)
            var row = try BallotRow(
                proposal: id, method: method, options: choices, seats: seats, budget: budget, roundOf: roundOf,
                changeable: kind.votesMayBeChanged.value)
            try row.insert(db)
            let ballot = try row.record().id
            let optionsJSON = row.options
            try Self.setState(db, id, .onAgenda)
            let quorum = QuorumStatus.check(
                kind.quorum, attendance: try Self.attendance(db, assembly.id), electorate: try Self.electorate(db, assembly.id).count)
            try audit(
                db, actor,
                BallotOpened(
                    ballot: ballot, proposal: id, method: method.rawValue, options: choices.map(\.id), optionsJSON: optionsJSON, seats: seats,
                    budget: budget, roundOf: roundOf, changeable: kind.votesMayBeChanged.value, quorumMet: quorum.met, counted: quorum.counted,
                    needed: quorum.needed))
            return BallotRecord(
                id: ballot, proposal: id, method: method, options: choices, seats: seats, budget: budget, isOpen: true, result: nil, roundOf: roundOf)
        }
    }

    /// Enters votes counted on paper (`count` identical votes); returns their receipts.
    ///
    /// A choice is `yes`/`no`/`blank` (also `voor`/`tegen`/`blanco`) for yes/no; one option id
    /// for single choice; option ids separated by commas for approval and budgets (approved) and
    /// for ranked methods (best first). An empty choice is a blank vote.
    public func enterVotes(ballot id: BallotID, choice: String, count: Int = 1, actor: AuditActor = .desk("telling")) throws -> [String] {
        guard count >= 1 else { throw StoreError(nl: "het aantal is minstens 1", en: "count must be at least 1") }
        return try writer.write { db in
            let ballot = try Self.ballot(db, id)
            guard ballot.isOpen else { throw StoreError(nl: "stemming \(id) is gesloten", en: "ballot \(id) is closed") }
            let normalised: String
            do throws(Refusal) { normalised = try Choice(choice, method: ballot.method, options: ballot.options).stored } catch {
                throw StoreError(nl: "stemming \(id): \(error.nl)", en: "ballot \(id): \(error.en)")
            }
            // One member, one vote: phone and paper votes together never exceed the members present
            // and represented (until paper slips are tied to codes, this is the bound that holds).
            let proposal = try Self.proposal(db, ballot.proposal)
            let allowed = try Self.attendance(db, proposal.assembly).votesAllowed
            let cast = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM vote WHERE ballot_id = ?", arguments: [id]) ?? 0
            guard cast + count <= allowed else {
                throw StoreError(
                    nl:
                        "stemming \(id) heeft \(cast) stemmen en \(allowed) aanwezige of vertegenwoordigde leden: \(count) meer maakt \(cast + count) (hoogstens \(max(0, allowed - cast)) meer; BW 2:38 lid 1, ieder lid één stem)",
                    en:
                        "ballot \(id) has \(cast) votes and \(allowed) members present or represented: \(count) more would make \(cast + count) (at most \(max(0, allowed - cast)) more; BW 2:38 lid 1, every member one vote)"
                )
            }
            var receipts: [String] = []
            let secret = try Self.secret(db, assembly: proposal.assembly)
            for _ in 0..<count {
                let receipt = Receipts.make()
                try VoteRow(ballotId: id, receipt: receipt, choice: normalised).insert(db)
                receipts.append(receipt)
            }
            try audit(
                db, actor,
                VotesEntered(
                    ballot: id, count: count, votes: receipts.map { VoteCommitment.vote(secret: secret, ballot: id, receipt: $0, choice: normalised) }))
            return receipts
        }
    }

    /// Closes the ballot and counts it by its method; a yes/no decision is judged by its
    /// decision kind (quorum, majority, ties). At a second meeting a carried item is decided without
    /// quorum; a tie under `staking herstemming` sends the proposal to a second round (a new ballot
    /// on the same proposal); under `staking voorzitter beslist` it waits for `decideByChair`. An
    /// adopted statute amendment becomes a statute version from its own date.
    public func closeBallot(_ id: BallotID, actor: AuditActor = .system) throws -> (result: BallotResult, head: AuditHead) {
        try writer.write { db in
            var row = try Self.ballotRow(db, id)
            let ballot = try row.record()
            guard ballot.isOpen else { throw StoreError(nl: "stemming \(id) is al gesloten", en: "ballot \(id) is already closed") }
            let proposal = try Self.proposal(db, ballot.proposal)
            let assembly = try Self.assembly(db, proposal.assembly)
            let (statute, _) = try Self.statute(db, on: assembly.date)
            guard let kind = statute.decisionKind(named: proposal.kind) else {
                throw StoreError(nl: "onbekende soort besluit \(proposal.kind)", en: "unknown decision kind \(proposal.kind)")
            }
            let choices = try String.fetchAll(db, sql: "SELECT choice FROM vote WHERE ballot_id = ? ORDER BY receipt", arguments: [id])
                .map { Choice(stored: $0, method: ballot.method) }
            let attendance = try Self.attendance(db, assembly.id)
            let electorate = try Self.electorate(db, assembly.id)
            let roundOf = ballot.roundOf
            var result = BallotCounting.count(
                choices, method: ballot.method, options: ballot.options, seats: ballot.seats, budget: ballot.budget,
                kind: kind, attendance: attendance, electorate: electorate.count,
                secondMeeting: assembly.decidesWithoutQuorum(proposal), secondRound: roundOf != nil)
            result.ballot = id
            result.proposal = proposal.id
            result.roundOf = roundOf
            if let from = proposal.carriedFrom, let first = assembly.secondMeetingOf {
                result.carriedFrom = from
                result.secondMeetingOf = first
            }
            if result.outcome == .adopted {
                try adopt(db, proposal: proposal, kind: kind, ballot: id, assembly: assembly, statute: statute, into: &result)
            }
            (row.state, row.result) = (.closed, result.stored)
            try row.update(db)
            // A tie to be voted again: the proposal goes back to the agenda for its second round.
            try Self.setState(db, proposal.id, result.outcome == .revote ? .admitted : .decided)
            var appender = try AuditAppender(db, at: clock.now())
            try appender.append(actor: actor, BallotClosed(result: result))
            try Self.appendAdoption(result, actor: actor, to: &appender)
            let head = try appender.finish(db)
            return (result, head)
        }
    }

    /// Records the chair's casting decision on a ballot whose votes tied under `staking voorzitter
    /// beslist`; an adoption then takes effect as any other (veto rights, a statute amendment).
    public func decideByChair(ballot id: BallotID, adopted: Bool, chair: String, actor: AuditActor = .system) throws -> (result: BallotResult, head: AuditHead)
    {
        let chair = chair.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !chair.isEmpty else { throw StoreError(nl: "noem de voorzitter die besliste", en: "name the chair who decided") }
        return try writer.write { db in
            var row = try Self.ballotRow(db, id)
            let ballot = try row.record()
            guard !ballot.isOpen, var counted = ballot.counted else {
                throw StoreError(
                    nl: "stemming \(id) is nog niet gesloten; de voorzitter beslist na de telling",
                    en: "ballot \(id) is not closed yet; the chair decides after the count")
            }
            guard counted.outcome == .chairDecides else {
                throw StoreError(
                    nl: "de stemmen op stemming \(id) staakten niet onder een regel die de voorzitter laat beslissen; er is niets veranderd",
                    en: "the votes on ballot \(id) did not tie under a rule that lets the chair decide; nothing changed")
            }
            guard counted.chairDecision == nil else {
                throw StoreError(
                    nl: "de voorzitter besliste al over stemming \(id); er is niets veranderd", en: "the chair already decided on ballot \(id); nothing changed"
                )
            }
            let proposal = try Self.proposal(db, ballot.proposal)
            let assembly = try Self.assembly(db, proposal.assembly)
            guard assembly.state == .open else {
                throw StoreError(
                    nl: "de voorzitter beslist tijdens de vergadering; vergadering \(assembly.id) is \(assembly.state.rawValue)",
                    en: "the chair decides during the assembly; assembly \(assembly.id) is \(assembly.state.rawValue)")
            }
            let (statute, _) = try Self.statute(db, on: assembly.date)
            guard let kind = statute.decisionKind(named: proposal.kind) else {
                throw StoreError(nl: "onbekende soort besluit \(proposal.kind)", en: "unknown decision kind \(proposal.kind)")
            }
            counted.chairDecision = BallotResult.ChairDecision(adopted: adopted, chair: chair)
            if adopted {
                try adopt(db, proposal: proposal, kind: kind, ballot: id, assembly: assembly, statute: statute, into: &counted)
            }
            row.result = counted.stored
            try row.update(db)
            var appender = try AuditAppender(db, at: clock.now())
            // The entry is the completed result, as stored from now on (`audit verify` compares them).
            try appender.append(actor: actor, BallotChairDecided(result: counted))
            try Self.appendAdoption(counted, actor: actor, to: &appender)
            return (counted, try appender.finish(db))
        }
    }

    /// What an adopted decision does: a veto right stops it taking effect; an adopted statute
    /// amendment becomes a new statute version from its own date.
    private func adopt(
        _ db: Database, proposal: Proposal, kind: DecisionKind, ballot id: BallotID, assembly: Assembly, statute: Statute,
        into result: inout BallotResult
    ) throws {
        let amendment =
            kind.name == DecisionKind.amendment
            ? try proposal.amendmentText.map { try Self.validStatute($0, fileName: "amendment-\(proposal.id).statuut") } : nil
        let starts = Set(try StatuteVersionRow.fetchAll(db).map(\.validFrom))
        let effect = Adoption.effect(
            of: proposal, kind: kind, at: assembly, statute: statute, responses: try Self.responses(db, proposal: proposal.id),
            amendment: amendment, versionStarts: starts)
        let new: Statute
        let effective: CivilDate
        switch effect {
        case .takesEffect: return
        case .vetoed(let shareholder):
            result.vetoedBy = shareholder
            result.takesEffect = false
            return
        case .statuteDateTaken(let day):
            result.statuteNotAdopted = "a statute version already takes effect on \(day); adopt this one with another date"
            return
        case .newStatute(let statute, let validFrom): (new, effective) = (statute, validFrom)
        }
        guard let text = proposal.amendmentText else { return }
        var row = StatuteVersionRow(
            validFrom: effective, name: new.name, source: text, sha256: Hash.sha256(Array(text.utf8)).description,
            fileName: "amendment-\(proposal.id).statuut", adoptedHow: "amendment ballot \(id)", adoptedAt: clock.now().description)
        try row.insert(db)
        result.newStatuteVersion = try row.version.id.rawValue
        result.newStatuteValidFrom = effective
    }

    private static func appendAdoption(_ result: BallotResult, actor: AuditActor, to appender: inout AuditAppender) throws {
        guard let version = result.newStatuteVersion, let validFrom = result.newStatuteValidFrom, let ballot = result.ballot else { return }
        try appender.append(actor: actor, StatuteAdopted(version: version, validFrom: validFrom, byBallot: ballot))
    }

    /// What every closed budget ballot granted, with its assembly and decision kind (`BudgetUse`).
    static func granted(_ db: Database) throws -> [BudgetUse.Granted] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT ballot.id, proposal.kind, proposal.assembly_id FROM ballot JOIN proposal ON proposal.id = ballot.proposal_id
                WHERE ballot.state = 'closed' ORDER BY ballot.id
                """
        ).compactMap { row in
            let ballot = try Self.ballot(db, row["id"])
            guard ballot.method.needsBudget, let result = ballot.counted else { return nil }
            let assembly = try Self.assembly(db, row["assembly_id"])
            return BudgetUse.Granted(
                assembly: assembly.id, date: assembly.date, kind: row["kind"], amount: BudgetUse.amount(of: result, options: ballot.options))
        }
    }

    /// A ballot by id.
    public func ballot(_ id: BallotID) throws -> BallotRecord { try writer.read { try Self.ballot($0, id) } }

    /// Every ballot (all when `assembly` is nil).
    public func ballots(assembly: AssemblyID? = nil) throws -> [BallotRecord] {
        try writer.read { db in
            try BallotID.fetchAll(
                db,
                sql: """
                    SELECT ballot.id FROM ballot JOIN proposal ON proposal.id = ballot.proposal_id
                    WHERE ?1 IS NULL OR proposal.assembly_id = ?1 ORDER BY ballot.id
                    """, arguments: [assembly]
            ).map { try Self.ballot(db, $0) }
        }
    }

    static func ballot(_ db: Database, _ id: BallotID) throws -> BallotRecord { try ballotRow(db, id).record() }

    static func ballotRow(_ db: Database, _ id: BallotID) throws -> BallotRow {
        guard let row = try BallotRow.fetchReadable(db, key: id) else {
            throw StoreError.notFound(nl: "er is geen stemming \(id)", en: "there is no ballot \(id)")
        }
        return row
    }
}

/// Receipts: short random ids a voter can look up on the public board (no lookalike characters).
enum Receipts {
    static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTVWXYZ")

    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<10).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
