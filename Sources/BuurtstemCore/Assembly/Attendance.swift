public import Statuut

/// Who is at the assembly: members checked in, and proxies (giver → holder).
public struct Attendance: Sendable, Hashable {
    public private(set) var present: Set<ResidentID> = []
    /// Each giver's proxy holder.
    public private(set) var proxies: [ResidentID: ResidentID] = [:]

    public init() {}

    /// Members represented by a proxy held by someone present.
    public var represented: Int { proxies.values.filter { present.contains($0) }.count }

    /// How many votes a ballot can have: one per member present and one per member represented
    /// (BW 2:38 lid 1: every member one vote). Phone and paper votes together never exceed it.
    public var votesAllowed: Int { present.count + represented }

    /// Marks a member of the electorate present.
    public mutating func checkIn(_ member: ResidentID, electorate: Set<ResidentID>, statute: Statute) throws(Refusal) {
        guard electorate.contains(member) else {
            throw Refusal(
                nl: "\(member) staat niet in het electoraat van deze vergadering", en: "\(member) is not in this assembly's electorate",
                source: statute.membership.source)
        }
        guard !present.contains(member) else {
            throw Refusal(nl: "\(member) is al aangemeld", en: "\(member) has already checked in", source: statute.membership.source)
        }
        present.insert(member)
        // Someone who comes in person votes for themselves; a proxy they gave lapses.
        proxies[member] = nil
    }

    /// Records that `giver` authorises `holder` to vote for them, within the statute's limits.
    public mutating func proxy(from giver: ResidentID, to holder: ResidentID, electorate: Set<ResidentID>, statute: Statute) throws(Refusal) {
        let rule = statute.proxy
        if case .notAllowed = rule.value {
            throw Refusal(nl: "stemmen bij volmacht is niet toegestaan", en: "voting by proxy is not allowed", source: rule.source)
        }
        guard electorate.contains(giver) else {
            throw Refusal(
                nl: "\(giver) is geen lid in het electoraat: alleen een lid kan een volmacht geven",
                en: "\(giver) is not in the electorate: only a member can give a proxy", source: statute.membership.source)
        }
        guard electorate.contains(holder) else {
            throw Refusal(
                nl: "\(holder) is geen lid in het electoraat: alleen een lid kan een volmacht houden",
                en: "\(holder) is not in the electorate: only a member can hold a proxy", source: statute.membership.source)
        }
        guard giver != holder else {
            throw Refusal(nl: "een lid kan zichzelf geen volmacht geven", en: "a member cannot give a proxy to themselves", source: rule.source)
        }
        guard present.contains(holder) else {
            throw Refusal(
                nl: "\(holder) is niet aanwezig: een volmachthouder moet aanwezig zijn",
                en: "\(holder) is not present: a proxy holder must be present", source: rule.source)
        }
        guard !present.contains(giver) else {
            throw Refusal(nl: "\(giver) is zelf aanwezig en stemt zelf", en: "\(giver) is present and votes in person", source: rule.source)
        }
        guard proxies[giver] == nil else {
            throw Refusal(nl: "\(giver) heeft al een volmacht gegeven", en: "\(giver) has already given a proxy", source: rule.source)
        }
        guard proxies[holder] == nil else {
            throw Refusal(
                nl: "\(holder) heeft zelf een volmacht gegeven en kan er geen houden",
                en: "\(holder) gave a proxy and cannot hold one", source: rule.source)
        }
        if case .atMost(let cap) = rule.value {
            let held = proxies.values.filter { $0 == holder }.count
            guard held < cap else {
                throw Refusal(
                    nl: "\(holder) houdt al \(held) volmacht\(held == 1 ? "" : "en"); het maximum is \(cap)",
                    en: "\(holder) already holds \(held) prox\(held == 1 ? "y" : "ies"); the limit is \(cap)", source: rule.source)
            }
        }
        proxies[giver] = holder
    }
}

/// Whether a quorum is met, with the numbers and the rule.
public struct QuorumStatus: Sendable, Hashable {
    public var met: Bool
    /// Those who count: present, plus represented where proxies count.
    public var counted: Int
    /// How many are needed (0 without a quorum).
    public var needed: Int
    public var source: Provenance
    /// Not met, but not needed: a second meeting decides without quorum.
    public var waived = false

    public init(met: Bool, counted: Int, needed: Int, source: Provenance, waived: Bool = false) {
        self.met = met
        self.counted = counted
        self.needed = needed
        self.source = source
        self.waived = waived
    }

    /// The quorum as a decision of `kind` is judged by: a second meeting the statute gives
    /// (`tweede vergadering … zonder quorum`) waives a quorum that was not met.
    public func waived(for kind: DecisionKind, atSecondMeeting: Bool) -> QuorumStatus {
        var status = self
        status.waived = atSecondMeeting && kind.secondMeetingDays.value != nil && !met
        return status
    }

    /// Checks a quorum rule against the attendance and the size of the electorate.
    public static func check(_ rule: Cited<QuorumRule?>, attendance: Attendance, electorate: Int) -> QuorumStatus {
        guard let quorum = rule.value else {
            return QuorumStatus(met: true, counted: attendance.present.count, needed: 0, source: rule.source)
        }
        let counted = attendance.present.count + (quorum.countsProxies ? attendance.represented : 0)
        let needed: Int
        switch quorum.threshold {
        case .members(let n): needed = n
        case .share(let f): needed = f.minimumCount(of: electorate)
        }
        return QuorumStatus(met: counted >= needed, counted: counted, needed: needed, source: rule.source)
    }
}

extension Attendance {
    /// Rebuilds attendance as stored (the rules were checked when each was recorded).
    public mutating func restore(present: Set<ResidentID>, proxies: [ResidentID: ResidentID]) {
        self = Attendance(present: present, proxies: proxies)
    }

    private init(present: Set<ResidentID>, proxies: [ResidentID: ResidentID]) {
        self.present = present
        self.proxies = proxies
    }
}
