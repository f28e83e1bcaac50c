public import Statuut

/// What a decision kind's budget has already granted in its period (`budget EUR 25000 per jaar`:
/// the calendar year of the assembly; `per vergadering`: the assembly itself). A budget ballot opens
/// with what is left, so two ballots in one year cannot each spend the whole year's budget.
public enum BudgetUse {
    /// Money a closed budget ballot granted: the projects it chose, at their cost.
    public struct Granted: Sendable, Hashable {
        public var assembly: AssemblyID
        public var date: CivilDate
        /// The decision kind of its proposal.
        public var kind: String
        /// Whole euros.
        public var amount: Int
        public init(assembly: AssemblyID, date: CivilDate, kind: String, amount: Int) {
            self.assembly = assembly
            self.date = date
            self.kind = kind
            self.amount = amount
        }
    }

    /// Whole euros of `kind`'s budget already granted in the period that holds `assembly`; 0 when
    /// the budget has no period (each ballot has it whole).
    public static func spent(_ budget: Budget, kind: String, at assembly: Assembly, granted: [Granted]) -> Int {
        let sameKind = granted.filter { DecisionKindNames.canonical($0.kind) == DecisionKindNames.canonical(kind) }
        switch budget.period {
        case .year?: return sameKind.filter { $0.date.year == assembly.date.year }.reduce(0) { $0 + $1.amount }
        case .assembly?: return sameKind.filter { $0.assembly == assembly.id }.reduce(0) { $0 + $1.amount }
        case nil: return 0
        }
    }

    /// What a ballot's result granted: the cost of every project it chose (a project funded with a
    /// top-up counts at its whole cost).
    public static func amount(of result: BallotResult, options: [BallotOption]) -> Int {
        guard result.outcome == .decided, let elected = result.elected else { return 0 }
        let cost = Dictionary(options.map { ($0.id, $0.cost ?? 0) }, uniquingKeysWith: { first, _ in first })
        return elected.reduce(0) { $0 + (cost[$1] ?? 0) }
    }
}
