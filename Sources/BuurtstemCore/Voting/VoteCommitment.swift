public import Crypto
import Foundation

/// What a vote's audit entry commits to, so that a vote row or a "this code voted" row changed
/// behind the store's back no longer matches the log (`audit verify`).
///
/// Keyed with the assembly's secret: after the close every receipt is public and the choices are
/// few, so an unkeyed hash of receipt and choice would let anyone read each receipt's choice from
/// the audit log and undo the receipt-free board. With the key only whoever holds the database can
/// check the commitments — and they can read the votes anyway. A commitment never involves the
/// member or the code, only the ballot, the random receipt, the choice, and the per-ballot marker.
public enum VoteCommitment {
    /// The commitment to one vote row: ballot, receipt and choice.
    public static func vote(secret: [UInt8], ballot: BallotID, receipt: String, choice: String) -> String {
        mac(secret, "buurtstem/vote/v1\u{0}\(ballot)\u{0}\(receipt)\u{0}\(choice)")
    }

    /// The commitment to one "this code voted" row: ballot, marker and sealed receipt.
    public static func codeUse(secret: [UInt8], ballot: BallotID, marker: [UInt8], sealed: [UInt8]?) -> String {
        var message = Data("buurtstem/code-use/v1\u{0}\(ballot)\u{0}".utf8)
        message.append(contentsOf: marker)
        message.append(0)
        message.append(contentsOf: sealed ?? [])
        return mac(secret, message)
    }

    private static func mac(_ secret: [UInt8], _ text: String) -> String { mac(secret, Data(text.utf8)) }

    private static func mac(_ secret: [UInt8], _ message: Data) -> String {
        Hash(Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: secret)))).description
    }
}
