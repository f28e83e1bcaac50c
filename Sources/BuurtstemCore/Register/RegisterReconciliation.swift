public import Statuut

/// How a new extract of the residents' register changes what is known, row by row (a pure diff;
/// the store writes it with its audit entries). History is kept: a move closes the old period and
/// opens a new one, so a past date stays answerable.
public enum RegisterReconciliation {
    /// What is known of a resident: the latest residence and the personal data.
    public struct Known: Sendable, Hashable {
        public var address: Address
        public var movedIn: CivilDate?
        public var movedOut: CivilDate?
        public var birth: Birth?
        public var name: String?

        public init(address: Address, movedIn: CivilDate?, movedOut: CivilDate?, birth: Birth?, name: String?) {
            self.address = address
            self.movedIn = movedIn
            self.movedOut = movedOut
            self.birth = birth
            self.name = name
        }
    }

    /// One change the extract makes.
    public enum Change: Sendable, Hashable {
        /// A resident seen for the first time.
        case new
        /// Birth data or (when the extract has names) the name changed; the name to keep.
        case update(name: String?, nameChanged: Bool)
        /// A new address (or a return after leaving): close the current period on `closeOn` (nil when it
        /// is closed already) and open one from `movedIn`.
        case move(closeOn: CivilDate?, movedIn: CivilDate)
        /// The resident left the address (a move-out date, no new address).
        case moveOut(on: CivilDate)
    }

    /// The changes a row of the extract makes, in the order they are recorded (none: unchanged).
    public static func changes(_ row: RegisterRow, known: Known?, extractDate: CivilDate) -> [Change] {
        guard let known else { return [.new] }
        var changes: [Change] = []
        let nameChanged = row.name != nil && known.name != row.name
        if known.birth != row.birth || nameChanged { changes.append(.update(name: row.name ?? known.name, nameChanged: nameChanged)) }
        if known.address != row.address || (known.movedOut != nil && row.movedOut == nil) {
            var since = row.movedIn ?? extractDate
            if known.movedOut == nil, let movedIn = known.movedIn, since < movedIn { since = movedIn }
            changes.append(.move(closeOn: known.movedOut == nil ? since : nil, movedIn: row.movedIn ?? since))
        } else if known.movedOut != row.movedOut, let out = row.movedOut {
            changes.append(.moveOut(on: max(out, known.movedIn ?? out)))
        }
        return changes
    }

    /// A resident with an open address who is not in the extract has left the register: from the
    /// extract's date (or the day they moved in, if that is later). Nil when nothing changes.
    public static func absent(_ known: Known, extractDate: CivilDate) -> CivilDate? {
        guard known.movedOut == nil else { return nil }
        return max(extractDate, known.movedIn ?? extractDate)
    }
}
