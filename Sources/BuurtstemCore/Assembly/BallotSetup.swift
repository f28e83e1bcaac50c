public import Statuut

/// A ballot as the statute sets it up for a proposal: its method, options, seats and budget, and
/// whether it may open now (an open assembly, an admitted proposal, the social shareholders'
/// advice or consent in). The store persists what this decides.
public struct BallotSetup: Sendable, Hashable {
    public var method: TallyMethod
    public var options: [BallotOption]
    /// Seats to fill (single transferable vote).
    public var seats: Int?
    /// Whole euros (budget ballots): what is left of the period's budget (`BudgetUse`).
    public var budget: Int?

    /// Why the ballot cannot open: the assembly's or the proposal's state, or the options given.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public var nl: String
        public var en: String
        public var description: String { en }
    }

    /// The ballot for `proposal` at `assembly` under its decision `kind`. Throws a `Problem` for a
    /// state or options that do not allow it, or a budget whose period is spent, and a `Refusal`
    /// where the statute says to wait (advice, consent). `granted` is what earlier budget ballots chose.
    public static func make(
        for proposal: Proposal, at assembly: Assembly, kind: DecisionKind, statute: Statute, responses: [ShareholderResponse], options: [BallotOption],
        granted: [BudgetUse.Granted] = []
    ) throws -> BallotSetup {
        guard assembly.state == .open else {
            throw Problem(
                nl: "vergadering \(assembly.id) is niet open; een stemming opent tijdens de vergadering",
                en: "assembly \(assembly.id) is not open; a ballot opens during the assembly")
        }
        guard case .admitted = proposal.state else {
            throw Problem(
                nl: "voorstel \(proposal.id) is niet toegelaten tot de agenda" + (proposal.state == .decided ? " (er is al over besloten)" : ""),
                en: "proposal \(proposal.id) is not admitted to the agenda" + (proposal.state == .decided ? " (it is decided)" : ""))
        }
        try ProposalRules(statute: statute).checkBallotMayOpen(proposal, responses: responses)
        let method = kind.method.value
        var choices = options
        if method == .yesNo {
            choices = [BallotOption(id: "yes", name: "voor / yes"), BallotOption(id: "no", name: "tegen / no")]
        } else {
            guard choices.count >= 2 else {
                throw Problem(
                    nl: "een stemming met \(method.rawValue) heeft minstens twee keuzes nodig", en: "a \(method.rawValue) ballot needs at least two options")
            }
            guard Set(choices.map(\.id)).count == choices.count else {
                throw Problem(nl: "twee keuzes hebben hetzelfde id", en: "two options have the same id")
            }
            if method.needsBudget, choices.contains(where: { $0.cost == nil }) {
                throw Problem(nl: "elk project op een budgetstemming heeft een bedrag nodig", en: "every project on a budget ballot needs a cost")
            }
        }
        var setup = BallotSetup(method: method, options: choices, seats: kind.seats.value, budget: kind.budget.value.map { $0.cents / 100 })
        if let budget = kind.budget.value, let whole = setup.budget, method.needsBudget {
            let spent = BudgetUse.spent(budget, kind: kind.name, at: assembly, granted: granted)
            guard spent < whole else {
                let period = budget.period == .year ? ("in \(assembly.date.year)", "in \(assembly.date.year)") : ("op deze vergadering", "at this assembly")
                throw Problem(
                    nl: "het budget voor \(kind.name) \(period.0) is op: € \(spent) van € \(whole) is al toegekend (\(kind.budget.source.cited(in: .nl)))",
                    en: "the budget for \(kind.name) \(period.1) is spent: € \(spent) of € \(whole) is already granted (\(kind.budget.source.cited(in: .en)))")
            }
            setup.budget = whole - spent
        }
        return setup
    }
}
