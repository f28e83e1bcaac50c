public import Statuut

/// A member of the association's board, from appointment until stepping down. A member may hold
/// a seat the statute gives a party (`bestuurszetel voor "Gemeente Breda"`).
public struct BoardMember: Sendable, Hashable {
    public var id: BoardMemberID
    public var name: String
    /// The party whose seat this member holds, if any.
    public var seatFor: String?
    public var appointedOn: CivilDate
    /// The first day no longer on the board.
    public var leftOn: CivilDate?

    public init(id: BoardMemberID, name: String, seatFor: String? = nil, appointedOn: CivilDate, leftOn: CivilDate? = nil) {
        self.id = id
        self.name = name
        self.seatFor = seatFor
        self.appointedOn = appointedOn
        self.leftOn = leftOn
    }

    /// Whether the member sits on the board on `day`.
    public func sits(on day: CivilDate) -> Bool { appointedOn <= day && (leftOn.map { day < $0 } ?? true) }
}

/// The statute's rules for the board (`bestuur van 3 tot en met 5 personen`, `zittingstermijn 2 jaar`,
/// `bestuurszetel voor …`), as pure checks on an appointment or a departure.
public struct BoardRules: Sendable {
    public let statute: Statute

    public init(statute: Statute) { self.statute = statute }

    /// Checks an appointment on `day` against the board as it stands: the largest board, and a
    /// party seat the statute gives and that is not already held.
    public func appoint(name: String, seatFor party: String?, on day: CivilDate, board: [BoardMember]) throws(Refusal) {
        let rule = statute.board
        let sitting = board.filter { $0.sits(on: day) }
        guard !name.allSatisfy(\.isWhitespace) else {
            throw Refusal(nl: "geef de naam van het bestuurslid", en: "give the board member's name", source: rule.source)
        }
        guard !sitting.contains(where: { $0.name == name }) else {
            throw Refusal(nl: "\(name) zit op \(day) al in het bestuur", en: "\(name) is already on the board on \(day)", source: rule.source)
        }
        if let maximum = rule.value.maximumSize, sitting.count >= maximum {
            throw Refusal(
                nl: "het bestuur telt op \(day) al \(sitting.count) leden; het statuut staat er hoogstens \(maximum) toe",
                en: "the board already has \(sitting.count) members on \(day); the statute allows at most \(maximum)", source: rule.source)
        }
        if let party {
            guard rule.value.seatsFor.contains(party) else {
                throw Refusal(nl: "het statuut geeft \(party) geen bestuurszetel", en: "the statute gives \(party) no board seat", source: rule.source)
            }
            if let holder = sitting.first(where: { $0.seatFor == party }) {
                throw Refusal(nl: "de zetel van \(party) is bezet door \(holder.name)", en: "\(party)'s seat is held by \(holder.name)", source: rule.source)
            }
        }
    }

    /// The last day of a member's term (the term runs from the appointment), if the statute sets one.
    public func termEnds(for member: BoardMember) -> CivilDate? {
        statute.board.value.termYears.map { member.appointedOn.adding(months: 12 * $0).adding(days: -1) }
    }
}
