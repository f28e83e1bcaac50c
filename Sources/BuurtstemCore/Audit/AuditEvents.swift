public import Foundation
public import Statuut

/// Every audit action's type: a reader decodes an entry as the type its action names.
public enum AuditEvents {
    /// One type per action (generic events once per kind).
    public static let types: [any AuditEvent.Type] = [
        VoteCast.self, VoteReplaced.self, VotesEntered.self, BallotOpened.self, BallotClosed.self, BallotChairDecided.self,
        MemberApplied.self, ApplicationDecided<ApplicationDecision.Admitted>.self, ApplicationDecided<ApplicationDecision.Refused>.self,
        MembershipChanged<MembershipChange.Join>.self, MembershipChanged<MembershipChange.Leave>.self, ResidentUpdated.self,
        ResidentMoved.self, ResidentLeft<AddressLeft.MovedOut>.self, ResidentLeft<AddressLeft.Absent>.self, RegisterImported.self,
        ResidentsRegistered.self, AssociationCreated.self, StaffAdded.self, StaffPasswordSet.self, StaffDisabled.self, CodesIssued.self,
        BoardLeft.self, BoardAppointed.self, BoardReappointed.self, ProposalSupported.self, ProposalAdmitted.self, ProposalRefused.self,
        ProposalCarried.self, ProposalSubmitted.self, AssemblyScheduled.self, AssemblyCalled.self, AssemblyOpened.self,
        AssemblyClosed.self, AssemblyDemanded.self, MemberCheckedIn.self, ProxyRecorded.self, AccountsPresented.self,
        OrganisationConfirmed.self, WitnessAdded.self, KeyCreated.self, AuditWitnessed.self, CodeReissued.self,
        DecisionOutsideMeeting.self, ShareholderAdvice.self, ShareholderConsent.self, ShareholderRefusal.self, StatuteAdopted.self,
        DatabaseRestored.self, DataPurged.self,
    ]

    private static let byAction: [AuditAction: any AuditEvent.Type] = Dictionary(uniqueKeysWithValues: types.map { ($0.action, $0) })

    /// The type an action is logged as (every action has one; `AuditEventTests` checks it).
    public static func type(of action: AuditAction) -> (any AuditEvent.Type)? { byAction[action] }

    /// An entry's payload read as its action's type.
    public static func decode(_ action: AuditAction, payload: String) throws -> any AuditEvent {
        guard let type = type(of: action) else { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "no type for \(action.rawValue)")) }
        return try JSONDecoder().decode(type, from: Data(payload.utf8))
    }
}
