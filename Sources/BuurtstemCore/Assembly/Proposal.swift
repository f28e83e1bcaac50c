public import Statuut

/// Who puts a proposal forward.
public enum ProposalSource: Sendable, Hashable {
    case board
    /// Members together; each supporter must be in the electorate.
    case members([ResidentID])
    /// A named party the statute gives the right (e.g. "Gemeente Breda").
    case party(String)
}

/// A proposal: draft → submitted → admitted (or refused, with the reason) → on the agenda → decided.
public struct Proposal: Sendable, Hashable {
    public enum State: Sendable, Hashable {
        case draft, submitted, admitted
        case refused(Refusal)
        case onAgenda, decided
    }

    public var id: ProposalID
    public var title: String
    public var text: String
    /// The kind of decision (`gewoon`, `statutenwijziging`, `wijkbudget`, …).
    public var kind: String
    public var source: ProposalSource
    public var assembly: AssemblyID
    public var state: State
    public var submittedOn: CivilDate?
    /// For a statute amendment: the new statute text, and the day it was laid out for inspection.
    public var amendmentText: String?
    public var inspectionFrom: CivilDate?
    /// On a second meeting: the proposal that failed for lack of quorum at the first.
    public var carriedFrom: ProposalID?

    public init(
        id: ProposalID, title: String, text: String, kind: String, source: ProposalSource, assembly: AssemblyID,
        amendmentText: String? = nil, inspectionFrom: CivilDate? = nil
    ) {
        self.id = id
        self.title = title
        self.text = text
        self.kind = kind
        self.source = source
        self.assembly = assembly
        self.state = .draft
        self.amendmentText = amendmentText
        self.inspectionFrom = inspectionFrom
    }
}

/// A social shareholder's advice or consent on a proposal, recorded before the ballot opens.
public struct ShareholderResponse: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable { case advice, consent, refusal }
    public var shareholder: String
    public var proposal: ProposalID
    public var kind: Kind
    public var on: CivilDate
    public var text: String

    public init(shareholder: String, proposal: ProposalID, kind: Kind, on: CivilDate, text: String) {
        self.shareholder = shareholder
        self.proposal = proposal
        self.kind = kind
        self.on = on
        self.text = text
    }
}

/// The statute's rules for proposals.
public struct ProposalRules: Sendable {
    public let statute: Statute

    public init(statute: Statute) { self.statute = statute }

    /// Submits a draft on `on`.
    public func submit(_ proposal: Proposal, on day: CivilDate) throws(Refusal) -> Proposal {
        guard case .draft = proposal.state else {
            throw Refusal(nl: "voorstel \(proposal.id) is al ingediend", en: "proposal \(proposal.id) was already submitted", source: statute.proposers.source)
        }
        guard statute.decisionKind(named: proposal.kind) != nil else {
            throw Refusal(
                nl: "het statuut kent geen besluit \(proposal.kind)", en: "the statute has no decision kind \(proposal.kind)",
                source: statute.proposers.source)
        }
        var submitted = proposal
        submitted.state = .submitted
        submitted.submittedOn = day
        return submitted
    }

    /// Admits a submitted proposal for an assembly, or says exactly which rule refuses it.
    public func admit(_ proposal: Proposal, for assembly: Assembly, electorate: Set<ResidentID>) throws(Refusal) -> Proposal {
        guard case .submitted = proposal.state, let submitted = proposal.submittedOn else {
            throw Refusal(
                nl: "alleen een ingediend voorstel kan worden toegelaten", en: "only a submitted proposal can be admitted",
                source: statute.proposers.source)
        }
        try checkRight(proposal.source, electorate: electorate)
        if let days = statute.proposalDeadlineDays.value {
            let deadline = assembly.date.adding(days: -days)
            guard submitted <= deadline else {
                throw Refusal(
                    nl: "ingediend op \(submitted), na de termijn van \(deadline) (\(days) dagen voor de vergadering)",
                    en: "submitted on \(submitted), after the deadline of \(deadline) (\(days) days before the assembly)",
                    source: statute.proposalDeadlineDays.source)
            }
        }
        if let kind = statute.decisionKind(named: proposal.kind), let days = kind.inspectionDays.value {
            let latest = assembly.date.adding(days: -days)
            guard let from = proposal.inspectionFrom, from <= latest else {
                throw Refusal(
                    nl: "het voorstel moet uiterlijk \(latest) woordelijk ter inzage liggen (\(days) dagen voor de vergadering)",
                    en: "the proposal's exact text must be open for inspection by \(latest) (\(days) days before the assembly)",
                    source: kind.inspectionDays.source)
            }
            if kind.name == DecisionKind.amendment {
                guard let text = proposal.amendmentText, StatuteCompiler.compile(text).statute != nil else {
                    throw Refusal(
                        nl: "een statutenwijziging bevat de volledige nieuwe tekst, zonder fouten",
                        en: "a statute amendment carries the full new text, without errors", source: kind.inspectionDays.source)
                }
            }
        }
        var admitted = proposal
        admitted.state = .admitted
        return admitted
    }

    /// Whether this source may propose, by the statute (or the law: the board).
    public func checkRight(_ source: ProposalSource, electorate: Set<ResidentID>) throws(Refusal) {
        let rule = statute.proposers
        switch source {
        case .board:
            guard rule.value.contains(.board) else {
                throw Refusal(
                    nl: "het bestuur mag volgens het statuut geen voorstellen doen", en: "the statute does not let the board propose",
                    source: rule.source)
            }
        case .members(let supporters):
            let needed = rule.value.compactMap { if case .members(let n) = $0 { return n } else { return nil } }.min()
            guard let needed else {
                throw Refusal(
                    nl: "leden kunnen volgens het statuut geen voorstellen doen", en: "the statute does not let members propose",
                    source: rule.source)
            }
            let valid = Set(supporters).filter { electorate.contains($0) }
            guard valid.count >= needed else {
                throw Refusal(
                    nl: "\(valid.count) van de ondersteuners \(valid.count == 1 ? "is" : "zijn") lid; er zijn er \(needed) nodig",
                    en: "\(valid.count) of the supporters \(valid.count == 1 ? "is a member" : "are members"); \(needed) are needed",
                    source: rule.source)
            }
        case .party(let name):
            guard rule.value.contains(.party(name)) else {
                throw Refusal(
                    nl: "\(name) heeft volgens het statuut geen recht van voorstel", en: "the statute gives \(name) no right to propose",
                    source: rule.source)
            }
        }
    }

    /// The shareholders whose advice or consent this proposal's ballot waits for, and whether it may open.
    public func checkBallotMayOpen(_ proposal: Proposal, responses: [ShareholderResponse]) throws(Refusal) {
        let kind = DecisionKindNames.canonical(proposal.kind)
        for holder in statute.socialShareholders {
            for right in holder.rights where right.decisionKind == kind {
                let given = responses.filter { $0.shareholder == holder.name && $0.proposal == proposal.id }
                switch right.kind {
                case .advice:
                    guard !given.isEmpty else {
                        throw Refusal(
                            nl: "de stemming wacht op het advies van \(holder.name)",
                            en: "the ballot waits for the advice of \(holder.name)", source: right.source)
                    }
                case .consent:
                    guard given.contains(where: { $0.kind == .consent }) else {
                        throw Refusal(
                            nl: "de stemming wacht op de instemming van \(holder.name)",
                            en: "the ballot waits for the consent of \(holder.name)", source: right.source)
                    }
                case .veto:
                    // A veto recorded before the ballot opens stops it.
                    guard !given.contains(where: { $0.kind == .refusal }) else {
                        throw Refusal(
                            nl: "\(holder.name) heeft zijn veto uitgesproken; de stemming gaat niet door",
                            en: "\(holder.name) has vetoed it; the ballot does not go ahead", source: right.source)
                    }
                }
            }
        }
    }

    /// Whether the statute gives this social shareholder the right to this response on this kind of
    /// decision: advice needs any right on the kind; consent a consent or veto right; a refusal (of
    /// consent, or a veto) a consent or veto right. Refused with the article that says otherwise.
    public func checkResponse(_ response: ShareholderResponse, to proposal: Proposal) throws(Refusal) {
        let kind = DecisionKindNames.canonical(proposal.kind)
        guard let holder = statute.socialShareholders.first(where: { $0.name == response.shareholder }) else {
            throw Refusal(
                nl: "het statuut noemt geen sociaal aandeelhouder \"\(response.shareholder)\"",
                en: "the statute names no social shareholder \"\(response.shareholder)\"", source: statute.proposers.source)
        }
        let rights = holder.rights.filter { $0.decisionKind == kind }.map(\.kind)
        let name = DecisionKindNames.name(kind, in: .nl)
        let nameEN = DecisionKindNames.name(kind, in: .en)
        switch response.kind {
        case .advice:
            guard !rights.isEmpty else {
                throw Refusal(
                    nl: "\(holder.name) heeft geen recht bij besluiten \(name); een advies telt daar niet",
                    en: "\(holder.name) has no right on \(nameEN) decisions; an advice does not count there", source: holder.source)
            }
        case .consent, .refusal:
            guard rights.contains(.consent) || rights.contains(.veto) else {
                let what = response.kind == .consent ? ("instemming", "consent") : ("weigering", "refusal")
                throw Refusal(
                    nl: "\(holder.name) heeft bij besluiten \(name) \(rights.isEmpty ? "geen recht" : "alleen adviesrecht"); een \(what.0) telt daar niet",
                    en: "\(holder.name) has \(rights.isEmpty ? "no right" : "only an advice right") on \(nameEN) decisions; a \(what.1) does not count there",
                    source: holder.source)
            }
        }
    }

    /// The shareholder with a veto on this kind who has vetoed the decision, and that right; nil when none has.
    public func vetoedBy(_ proposal: Proposal, responses: [ShareholderResponse]) -> (shareholder: String, right: ShareholderRight)? {
        let kind = DecisionKindNames.canonical(proposal.kind)
        for holder in statute.socialShareholders {
            for right in holder.rights where right.decisionKind == kind && right.kind == .veto {
                if responses.contains(where: { $0.shareholder == holder.name && $0.proposal == proposal.id && $0.kind == .refusal }) {
                    return (holder.name, right)
                }
            }
        }
        return nil
    }

    /// A decision outside a meeting (in writing): valid only as the statute or BW 2:40 says.
    public func decideOutsideMeeting(_ count: YesNoCount, members: Int) -> DecisionOutcome {
        let rule = statute.outsideMeeting
        let quorum = QuorumStatus(met: true, counted: count.yes + count.no + count.blank, needed: 0, source: rule.source)
        switch rule.value {
        case .notAllowed:
            return DecisionOutcome(
                result: .rejected, base: members, needed: members, quorum: quorum,
                nl: "besluiten buiten een vergadering zijn niet toegestaan", en: "decisions outside a meeting are not allowed",
                sources: [rule.source])
        case .allowed(let majority):
            let base = majority.base == .allMembers ? members : count.yes + count.no
            let adopted = majority.isMet(by: count.yes, of: base)
            let needed = majority.strict ? majority.share.minimumCountExceeding(of: base) : majority.share.minimumCount(of: base)
            return DecisionOutcome(
                result: adopted ? .adopted : .rejected, base: base, needed: needed, quorum: quorum,
                nl: "\(count.yes) voor van \(base); nodig: \(needed)", en: "\(count.yes) in favour of \(base); needed: \(needed)",
                sources: [rule.source])
        }
    }
}
