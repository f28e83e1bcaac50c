public import BuurtstemCore
import Foundation
public import GRDB
public import Statuut

extension AppDatabase {
    /// Submits a proposal for an assembly (checked when admitted).
    public func submitProposal(_ draft: Proposal, on day: CivilDate, actor: AuditActor = .system) throws -> Proposal {
        try writer.write { db in
            let assembly = try Self.assembly(db, draft.assembly)
            // A day given by hand records what happened earlier; it may not contradict what is recorded.
            guard day <= clock.today() else {
                throw StoreError(
                    nl: "een voorstel kan niet worden vastgelegd als ingediend op \(day): die dag moet nog komen (vandaag is \(clock.today()))",
                    en: "a proposal cannot be recorded as submitted on \(day): that day is still to come (today is \(clock.today()))")
            }
            guard assembly.state == .scheduled || assembly.state == .called else {
                throw StoreError(
                    nl:
                        "vergadering \(assembly.id) is al \(assembly.state == .open ? "open" : "gesloten"): een voorstel ingediend op \(day) moest worden vastgelegd voordat zij openging",
                    en:
                        "assembly \(assembly.id) is already \(assembly.state == .open ? "open" : "closed"): a proposal submitted on \(day) had to be recorded before it opened"
                )
            }
            let (statute, _) = try Self.statute(db, on: assembly.date)
            var proposal = draft
            proposal.kind = DecisionKindNames.canonical(draft.kind)
            proposal = try ProposalRules(statute: statute).submit(proposal, on: day)
            let (sourceKind, party, supporters) = proposal.source.stored
            // The id is the database's (the row's key), never counted by hand.
            proposal.submittedOn = day
            var row = ProposalRow(proposal, state: .submitted)
            let id = try row.insert(db, supporters: supporters)
            proposal.id = id
            try audit(
                db, actor,
                ProposalSubmitted(
                    proposal: id, assembly: proposal.assembly, title: proposal.title, kind: proposal.kind, by: party ?? sourceKind,
                    supporters: Set(supporters).count))
            return proposal
        }
    }

    /// Adds a supporter to a members' proposal that is still waiting to be admitted.
    ///
    /// Support can be added until the statute's deadline for proposals (or the assembly's day), also
    /// after a refusal for too few supporters: the proposal is then submitted again, to be judged anew
    /// by the next `admitProposal`; the earlier refusal stays in the audit log with its reason.
    public func supportProposal(_ id: ProposalID, member: ResidentID, on date: CivilDate? = nil, actor: AuditActor = .system) throws {
        try writer.write { db in
            let proposal = try Self.proposal(db, id)
            guard case .members = proposal.source else {
                throw StoreError(nl: "voorstel \(id) is geen ledenvoorstel", en: "proposal \(id) is not a members' proposal")
            }
            switch proposal.state {
            case .submitted, .refused: break
            default:
                throw StoreError(
                    nl: "voorstel \(id) wacht niet meer op ondersteuners (het is \(Self.stateName(proposal.state)))",
                    en: "proposal \(id) is no longer waiting for supporters (it is \(Self.stateName(proposal.state)))")
            }
            let assembly = try Self.assembly(db, proposal.assembly)
            let (statute, _) = try Self.statute(db, on: assembly.date)
            let day = date ?? clock.today()
            let deadline = statute.proposalDeadlineDays.value.map { assembly.date.adding(days: -$0) } ?? assembly.date
            guard day <= deadline else {
                throw StoreError(
                    nl:
                        "steun voor voorstel \(id) kan tot \(deadline) worden toegevoegd (\(statute.proposalDeadlineDays.source.cited(in: .nl))); vandaag is \(day)",
                    en: "support for proposal \(id) can be added until \(deadline) (\(statute.proposalDeadlineDays.source.cited(in: .en))); today is \(day)")
            }
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM resident WHERE id = ?", arguments: [member.rawValue]) == 1 else {
                throw StoreError(nl: "geen bewoner met nummer \(member) in het register", en: "no resident with id \(member) in the register")
            }
            try ProposalSupporterRow(proposalId: id, residentId: member.rawValue).insert(db, onConflict: .ignore)
            if case .refused = proposal.state {
                // Judged anew at the next admission; the refusal's reason stays in the column until then and in the log for good.
                try Self.setState(db, id, .submitted)
            }
            try audit(db, actor, ProposalSupported(proposal: id, member: member, on: day))
        }
    }

    static func stateName(_ state: Proposal.State) -> String {
        switch state {
        case .draft: return "a draft"
        case .submitted: return "submitted"
        case .admitted: return "admitted"
        case .refused: return "refused"
        case .onAgenda: return "on the agenda"
        case .decided: return "decided"
        }
    }

    /// Admits a proposal to its assembly's agenda, or records why it is refused (and throws that refusal).
    public func admitProposal(_ id: ProposalID, actor: AuditActor = .system) throws -> Proposal {
        var refusal: Refusal?
        let proposal: Proposal = try writer.write { db in
            let proposal = try Self.proposal(db, id)
            // Only a submitted proposal is judged: a second "admit" (a double click, another board
            // member) refuses without changing anything.
            switch proposal.state {
            case .submitted: break
            case .admitted:
                throw StoreError(nl: "voorstel \(id) is al toegelaten; er is niets veranderd", en: "proposal \(id) is already admitted; nothing changed")
            case .onAgenda:
                throw StoreError(
                    nl: "voorstel \(id) staat al op de agenda met zijn stemming; er is niets veranderd",
                    en: "proposal \(id) is already on the agenda with its ballot; nothing changed")
            case .decided:
                throw StoreError(nl: "over voorstel \(id) is al besloten; er is niets veranderd", en: "proposal \(id) is already decided; nothing changed")
            case .refused(let reason):
                throw StoreError(
                    nl: "voorstel \(id) is eerder geweigerd (\(reason.nl)); er is niets veranderd",
                    en: "proposal \(id) was refused before (\(reason.en)); nothing changed")
            case .draft:
                throw StoreError(nl: "voorstel \(id) is nog niet ingediend; er is niets veranderd", en: "proposal \(id) is not submitted yet; nothing changed")
            }
            let assembly = try Self.assembly(db, proposal.assembly)
            let (statute, _) = try Self.statute(db, on: assembly.date)
            // The right to propose is checked against the electorate once it is frozen, else today's members.
            var electorate = try Self.electorate(db, assembly.id)
            if assembly.state == .scheduled {
                electorate = Set(try Self.members(db, on: proposal.submittedOn ?? assembly.date, statute: statute).map(\.id))
            }
            let outcome: Result<Proposal, Refusal>
            do throws(Refusal) {
                outcome = .success(try ProposalRules(statute: statute).admit(proposal, for: assembly, electorate: electorate))
            } catch {
                outcome = .failure(error)
            }
            switch outcome {
            case .success(let admitted):
                try Self.setState(db, id, .admitted)
                try audit(db, actor, ProposalAdmitted(proposal: id))
                return admitted
            case .failure(let error):
                refusal = error
                try Self.setState(db, id, .refused, refusal: error)
                try audit(db, actor, ProposalRefused(proposal: id, reason: error.description))
                var refused = proposal
                refused.state = .refused(error)
                return refused
            }
        }
        if let refusal { throw refusal }
        return proposal
    }

    /// Records a social shareholder's advice, consent or refusal on a proposal.
    public func recordShareholderResponse(_ response: ShareholderResponse, actor: AuditActor = .system) throws {
        try writer.write { db in
            let proposal = try Self.proposal(db, response.proposal)
            let assembly = try Self.assembly(db, proposal.assembly)
            let (statute, _) = try Self.statute(db, on: assembly.date)
            guard statute.socialShareholders.contains(where: { $0.name == response.shareholder }) else {
                let names = statute.socialShareholders.map { "\"\($0.name)\"" }.joined(separator: ", ")
                throw StoreError(
                    nl: "het statuut noemt geen sociaal aandeelhouder \"\(response.shareholder)\"; het noemt \(names)",
                    en: "the statute names no social shareholder \"\(response.shareholder)\"; it names \(names)")
            }
            // Only what the statute gives counts, and only that is recorded.
            try ProposalRules(statute: statute).checkResponse(response, to: proposal)
            var row = ShareholderResponseRow(response)
            try row.insert(db)
            let (id, shareholder, on, text) = (response.proposal, response.shareholder, response.on, response.text)
            let event: any AuditEvent =
                switch response.kind {
                case .advice: ShareholderAdvice(proposal: id, shareholder: shareholder, on: on, text: text)
                case .consent: ShareholderConsent(proposal: id, shareholder: shareholder, on: on, text: text)
                case .refusal: ShareholderRefusal(proposal: id, shareholder: shareholder, on: on, text: text)
                }
            try audit(db, actor, event)
        }
    }

    /// Every proposal of an assembly (all when nil).
    public func proposals(assembly: AssemblyID? = nil) throws -> [Proposal] {
        try writer.read { db in
            let ids = try ProposalID.fetchAll(db, sql: "SELECT id FROM proposal WHERE ?1 IS NULL OR assembly_id = ?1 ORDER BY id", arguments: [assembly])
            return try ids.map { try Self.proposal(db, $0) }
        }
    }

    static func proposal(_ db: Database, _ id: ProposalID) throws -> Proposal { try proposalRow(db, id).proposal(db) }

    static func proposalRow(_ db: Database, _ id: ProposalID) throws -> ProposalRow {
        guard let row = try ProposalRow.fetchReadable(db, key: id) else {
            throw StoreError.notFound(nl: "er is geen voorstel \(id)", en: "there is no proposal \(id)")
        }
        return row
    }

    /// Moves a proposal to `state`; a refusal keeps its reason (the column keeps the last one, the log every one).
    static func setState(_ db: Database, _ id: ProposalID, _ state: ProposalRow.State, refusal: Refusal? = nil) throws {
        var row = try proposalRow(db, id)
        row.state = state
        if let refusal { (row.refusal, row.refusalNl) = (refusal.description, refusal.text(in: .nl)) }
        try row.update(db)
    }

    /// The social shareholders' advice, consent or refusal on a proposal, in the order recorded.
    public func shareholderResponses(proposal id: ProposalID) throws -> [ShareholderResponse] {
        try writer.read { db in try Self.responses(db, proposal: id) }
    }

    /// The responses on a proposal, and on the proposal it was carried from to a second meeting
    /// (advice, consent or a veto given for the first meeting still holds for the same proposal).
    static func responses(_ db: Database, proposal id: ProposalID) throws -> [ShareholderResponse] {
        var responses: [ShareholderResponse] = []
        var next: ProposalID? = id
        while let current = next {
            responses =
                try ShareholderResponseRow.filter(Column("proposal_id") == current).order(Column("id")).fetchAll(db).map { row in
                    var response = row.response
                    response.proposal = id
                    return response
                } + responses
            next = try proposalRow(db, current).carriedFrom
        }
        return responses
    }
}

extension ProposalSource {
    /// The columns a source is stored in: `source_kind`, `source_party` and the supporters.
    var stored: (kind: String, party: String?, supporters: [ResidentID]) {
        switch self {
        case .board: ("board", nil, [])
        case .members(let ids): ("members", nil, ids)
        case .party(let name): ("party", name, [])
        }
    }
}
