public import Statuut

/// A request to join or leave an opt-in association, with the day it takes effect.
public struct MembershipEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable { case join, leave }
    public var resident: ResidentID
    public var kind: Kind
    /// The day the member asked.
    public var requestedOn: CivilDate
    /// The first day the change holds (a leave: the first day no longer a member).
    public var effectiveOn: CivilDate

    public init(resident: ResidentID, kind: Kind, requestedOn: CivilDate, effectiveOn: CivilDate) {
        self.resident = resident
        self.kind = kind
        self.requestedOn = requestedOn
        self.effectiveOn = effectiveOn
    }
}
