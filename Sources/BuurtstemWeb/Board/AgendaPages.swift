import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Foundation
import Hummingbird
import Statuut

/// One assembly's agenda: proposals, admission, shareholders' advice, ballots, ties.
extension BoardPages {
    // MARK: One assembly's agenda

    func agenda(
        _ id: AssemblyID, session: StaffSession, message: (nl: String, en: String)? = nil, ok: Bool = false,
        status: HTTPResponse.Status = .ok, draft: ProposalForm = ProposalForm()
    ) throws -> Response {
        guard let assembly = try database.assemblies().first(where: { $0.id == id }) else {
            return PageTemplates.staffPage(
                "status", title: "notFoundTitle", session: session,
                view: StatusView(heading: Catalogue.both("notFoundTitle"), text: Catalogue.both("noSuchAssembly")), status: .notFound)
        }
        let (statute, _) = try database.statute(on: assembly.date)
        // The latest ballot of each proposal (a tie under `staking herstemming` has a second round).
        let ballots = Dictionary(try database.ballots(assembly: id).map { ($0.proposal, $0) }, uniquingKeysWith: { _, later in later })
        let cards = try database.proposals(assembly: id).map { try card($0, ballot: ballots[$0.id], statute: statute) }
        let view = AgendaView(
            heading: Catalogue.both("agendaOf", ["date": assembly.date.description]), place: assembly.place,
            stateName: Catalogue.both("state-\(assembly.state.rawValue)"), cards: cards, hasCards: !cards.isEmpty, assemblyID: id,
            // A proposal can be submitted until the assembly opens; what was typed stays after a refusal.
            canSubmit: assembly.state == .scheduled || assembly.state == .called,
            draftTitle: draft.title.filled ?? "", draftText: draft.text.filled ?? "", draftParty: draft.party.filled ?? "",
            kinds: statute.decisionKinds.map { kind in
                let method = Self.methodWords(kind.method.value)
                return .init(name: kind.name, method: "\(method["nl"] ?? "") / \(method["en"] ?? "")", selected: draft.kind.filled == kind.name)
            })
        return PageTemplates.staffPage("agenda", title: "agenda", session: session, view: view, flash: message, ok: ok, status: status)
    }

    /// A tally method in words, never its internal name.
    static func methodWords(_ method: TallyMethod) -> BothLanguages { Catalogue.both("method-\(method.rawValue)") }

    /// What the agenda shows of one proposal: its state and source, the shareholders' responses, and
    /// the step that comes next (admit, record advice, open the ballot or its second round, close it,
    /// the chair's decision after a tie, the result).
    func card(_ proposal: Proposal, ballot: BallotRecord?, statute: Statute) throws -> AgendaView.Card {
        var card = AgendaView.Card(id: proposal.id, title: proposal.title, kind: proposal.kind)
        switch proposal.state {
        case .refused(let why):
            card.proposalState = ["nl": Catalogue.text("proposal-refused-because", .nl, ["reason": why.nl]), "en": Catalogue.text("proposal-refused", .en)]
        default: card.proposalState = Catalogue.both("proposal-\(Self.stateKey(proposal.state))")
        }
        switch proposal.source {
        case .board: card.bySource = Catalogue.both("roleBoard")
        case .members(let ids): card.bySource = Catalogue.both("byMembers", ["count": String(ids.count)])
        case .party(let name): card.byParty = name
        }
        if !proposal.text.isEmpty { card.text = proposal.text }
        let responses = try database.shareholderResponses(proposal: proposal.id)
        card.hasResponses = !responses.isEmpty
        card.responses = responses.map { r in
            .init(shareholder: r.shareholder, kindName: Catalogue.both("response-\(r.kind.rawValue)"), on: r.on.description, text: r.text)
        }
        card.canAdmit = proposal.state == .submitted
        let shareholders = statute.socialShareholders.filter { $0.rights.contains { $0.decisionKind == proposal.kind } }
        if !shareholders.isEmpty, ballot == nil, proposal.state == .admitted || proposal.state == .submitted {
            card.shareholderForm = .init(names: shareholders.map(\.name))
        }
        if proposal.state == .admitted, ballot == nil || ballot?.isOpen == false {
            let method = statute.decisionKind(named: proposal.kind)?.method.value ?? .yesNo
            let words = Self.methodWords(method)
            card.openForm = .init(
                openBallot: [
                    "nl": Catalogue.text("openBallotMethod", .nl, ["method": words["nl"] ?? ""]),
                    "en": Catalogue.text("openBallotMethod", .en, ["method": words["en"] ?? ""]),
                ],
                secondRound: ballot != nil,
                optionsLabel: method == .yesNo ? nil : Catalogue.both(method.needsBudget ? "optionsWithCost" : "optionsPerLine"),
                previousResult: ballot?.counted.map { .init(result: ProjectorPage.resultView($0, options: ballot?.options ?? [])) })
        } else if let ballot {
            if ballot.isOpen {
                card.openBallotID = ballot.id
            } else if let counted = ballot.counted {
                card.closedBallot = .init(
                    ballot: ballot.id, result: ProjectorPage.resultView(counted, options: ballot.options), chairForm: counted.awaitsChair)
            }
        }
        return card
    }

    static func stateKey(_ state: Proposal.State) -> String {
        switch state {
        case .draft: "draft"
        case .submitted: "submitted"
        case .admitted: "admitted"
        case .refused: "refused"
        case .onAgenda: "onAgenda"
        case .decided: "decided"
        }
    }

    /// Runs on the pages lane (`Lane`), like every handler here that reads or writes the store.
    func submit(_ session: StaffSession, _ form: ProposalForm, _ assembly: AssemblyID) throws -> Response {
        do {
            guard let title = form.title.filled else { throw Problem(key: "giveProposalTitle") }
            let source: ProposalSource = form.party.filled.map { .party($0) } ?? .board
            let draft = Proposal(
                id: 0, title: title, text: form.text.filled ?? "", kind: form.kind.filled ?? DecisionKind.ordinary,
                source: source, assembly: assembly)
            let proposal = try database.submitProposal(draft, on: clock.today(), actor: session.account.actor)
            return try agenda(assembly, session: session, message: Catalogue.pair("proposalSubmitted", ["id": String(proposal.id)]), ok: true)
        } catch let problem as Problem {
            return try agenda(assembly, session: session, message: (problem.nl, problem.en), status: .badRequest, draft: form)
        } catch {
            return try agenda(assembly, session: session, message: explain(error), status: Explained(error).status, draft: form)
        }
    }

    /// The step before a ballot closes: how many voted of how many present, and that it cannot be undone.
    func confirmClose(_ ballot: BallotID, of proposal: Proposal, session: StaffSession) throws -> Response {
        let turnout = try database.turnout(assembly: proposal.assembly)
        let votes = turnout.ballots.first { $0.id == ballot }?.votes ?? 0
        let view = ConfirmCloseView(
            heading: Catalogue.both("confirmCloseBallotHeading", ["title": proposal.title]),
            facts: [Catalogue.both("confirmCloseBallotVotes", ["votes": String(votes), "present": String(turnout.present + turnout.represented)])],
            warning: Catalogue.both("confirmCloseBallotWarning"), button: Catalogue.both("confirmCloseBallotButton"),
            action: "/bestuur/voorstellen/\(proposal.id)/sluiten", fields: [.init(name: "ballot", value: ballot.description)],
            back: "/bestuur/vergaderingen/\(proposal.assembly)#proposal-\(proposal.id)")
        return PageTemplates.staffPage("confirm-close", title: "closeAndCount", session: session, view: view)
    }

    /// Admitting, recording advice, opening and closing the ballot of a proposal.
    func proposalStep(_ session: StaffSession, _ form: ProposalStepForm, _ id: ProposalID, _ step: String) throws -> Response {
        let actor = session.account.actor
        guard let proposal = try database.proposals().first(where: { $0.id == id }) else { throw HTTPError(.notFound) }
        do {
            switch step {
            case "toelaten":
                let admitted = try database.admitProposal(id, actor: actor)
                if case .refused(let why) = admitted.state {
                    return try agenda(proposal.assembly, session: session, message: (why.text(in: .nl), why.text(in: .en)), status: .conflict)
                }
                return try agenda(proposal.assembly, session: session, message: Catalogue.pair("admittedToAgenda"), ok: true)
            case "advies":
                guard let kind = form.kind.filled.flatMap(ShareholderResponse.Kind.init(rawValue:)), let shareholder = form.shareholder.filled,
                    let text = form.text.filled
                else {
                    throw Problem(key: "chooseShareholder")
                }
                try database.recordShareholderResponse(
                    ShareholderResponse(shareholder: shareholder, proposal: id, kind: kind, on: clock.today(), text: text),
                    actor: actor)
                return try agenda(proposal.assembly, session: session, message: Catalogue.pair("recorded"), ok: true)
            case "stemming":
                let lines = (form.options.filled ?? "").split(whereSeparator: \.isNewline).map(String.init).filter {
                    !$0.trimmingCharacters(in: .whitespaces).isEmpty
                }
                let options = try lines.map { try BallotOption(parsing: $0) }
                let ballot = try database.openBallot(proposal: id, options: options, actor: actor)
                return try agenda(proposal.assembly, session: session, message: Catalogue.pair("ballotIsOpen", ["id": String(ballot.id)]), ok: true)
            case "sluiten":
                guard let ballot = form.ballot.filled.flatMap({ BallotID($0) }) else { throw Problem(key: "whichBallot") }
                // Closing cannot be undone: first a page that says what it does, then the close.
                guard form.confirmed == "ja" else { return try confirmClose(ballot, of: proposal, session: session) }
                let (_, head) = try database.closeBallot(ballot, actor: actor)
                return try agenda(
                    proposal.assembly, session: session,
                    message: Catalogue.pair("ballotClosedHead", ["head": "\(head.size):\(head.root)"]), ok: true)
            case "voorzitter":
                guard let ballot = form.ballot.filled.flatMap({ BallotID($0) }), let chair = form.chair.filled,
                    let decision = form.decision.filled, decision == "adopted" || decision == "rejected"
                else {
                    throw Problem(nl: "Vul de naam van de voorzitter in en kies het besluit.", en: "Enter the chair's name and choose the decision.")
                }
                _ = try database.decideByChair(ballot: ballot, adopted: decision == "adopted", chair: chair, actor: actor)
                return try agenda(
                    proposal.assembly, session: session, message: ("Het besluit van de voorzitter is vastgelegd.", "The chair's decision is recorded."),
                    ok: true)
            default:
                throw HTTPError(.notFound)
            }
        } catch let error as HTTPError {
            throw error
        } catch let problem as Problem {
            return try agenda(proposal.assembly, session: session, message: (problem.nl, problem.en), status: .badRequest)
        } catch {
            return try agenda(proposal.assembly, session: session, message: explain(error), status: Explained(error).status)
        }
    }
}

/// A proposal the board submits: its title, text, decision kind and who proposes it (a party, or the board).
struct ProposalForm: Decodable {
    var title: String?
    var text: String?
    var kind: String?
    var party: String?
}

/// The steps on a proposal: a shareholder's response (`kind`, `shareholder`, `text`), a ballot's
/// options one per line, the ballot closed, the chair's decision after a tie.
struct ProposalStepForm: Decodable {
    var kind: String?
    var shareholder: String?
    var text: String?
    var options: String?
    var ballot: String?
    var chair: String?
    var decision: String?
    /// `ja` once the board saw what closing does and confirmed it.
    var confirmed: String?
}

/// One assembly's agenda: its proposals as cards, and the form for a new proposal.
struct AgendaView {
    struct Kind {
        var name: String
        /// The method in words, Dutch / English.
        var method: String
        var selected: Bool
    }
    /// A proposal and the step that comes next.
    struct Card {
        struct Response {
            var shareholder: String
            var kindName: BothLanguages
            var on: String
            var text: String
        }
        struct ShareholderForm {
            var names: [String]
        }
        struct OpenForm {
            struct Previous {
                var result: ResultView
            }
            var openBallot: BothLanguages
            var secondRound: Bool
            var optionsLabel: BothLanguages?
            /// The tie of the first round, above the form for the second.
            var previousResult: Previous?
        }
        struct Closed {
            var ballot: BallotID
            var result: ResultView
            var chairForm: Bool
        }
        var id: ProposalID
        var title: String
        var kind: String
        var proposalState: BothLanguages = [:]
        var bySource: BothLanguages?
        var byParty: String?
        var text: String?
        var hasResponses = false
        var responses: [Response] = []
        var canAdmit = false
        var shareholderForm: ShareholderForm?
        var openForm: OpenForm?
        var openBallotID: BallotID?
        var closedBallot: Closed?
    }
    var heading: BothLanguages
    var place: String
    var stateName: BothLanguages
    var cards: [Card]
    var hasCards: Bool
    var assemblyID: AssemblyID
    var canSubmit: Bool
    var draftTitle: String
    var draftText: String
    var draftParty: String
    var kinds: [Kind]
}
