public import Crypto
import Foundation

/// A SHA-256 hash, printed in lower-case hex. A fixed-size value: no heap allocation, so a
/// million of them cost nothing but their 32 bytes each.
public struct Hash: Sendable, Hashable, CustomStringConvertible {
    private var w0: UInt64
    private var w1: UInt64
    private var w2: UInt64
    private var w3: UInt64

    /// From exactly 32 bytes.
    public init(_ bytes: [UInt8]) {
        precondition(bytes.count == 32, "a SHA-256 hash has 32 bytes")
        self.init(unsafeBytes: bytes.withUnsafeBytes { $0 })
    }

    /// From a buffer of at least 32 bytes (the first 32 are used).
    public init(unsafeBytes buffer: UnsafeRawBufferPointer) {
        precondition(buffer.count >= 32)
        w0 = buffer.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
        w1 = buffer.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        w2 = buffer.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
        w3 = buffer.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
    }

    init(_ digest: SHA256.Digest) {
        (w0, w1, w2, w3) = digest.withUnsafeBytes { b in
            (
                b.loadUnaligned(fromByteOffset: 0, as: UInt64.self), b.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                b.loadUnaligned(fromByteOffset: 16, as: UInt64.self), b.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
            )
        }
    }

    /// Parses 64 hex digits.
    public init?(hex: some StringProtocol) {
        let chars = Array(hex.utf8)
        guard chars.count == 64 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(32)
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 97...102: return c - 87
            case 65...70: return c - 55
            default: return nil
            }
        }
        for i in stride(from: 0, to: 64, by: 2) {
            guard let high = value(chars[i]), let low = value(chars[i + 1]) else { return nil }
            out.append(high << 4 | low)
        }
        self.init(out)
    }

    /// Calls `body` with the 32 bytes.
    public func withUnsafeBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        var copy = self
        return try Swift.withUnsafeBytes(of: &copy) { try body($0) }
    }

    /// The 32 bytes.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    public var description: String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        appendHex(to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// Merkle tree hashing as in RFC 6962 (Certificate Transparency): leaf = SHA-256(0x00 ‖ entry),
/// node = SHA-256(0x01 ‖ left ‖ right), the tree over n leaves split at the largest power of two
/// below n. Any RFC 6962 / RFC 9162 verifier accepts the roots and proofs made here.
public enum MerkleTree {
    /// The hash of an empty tree: SHA-256 of nothing.
    public static let emptyRoot = Hash(SHA256.hash(data: [UInt8]()))

    public static func leafHash(_ entry: [UInt8]) -> Hash {
        entry.withUnsafeBytes { leafHash(unsafeBytes: $0) }
    }

    /// The leaf hash of the bytes in a buffer.
    public static func leafHash(unsafeBytes entry: UnsafeRawBufferPointer) -> Hash {
        var hasher = SHA256()
        withUnsafeBytes(of: UInt8(0)) { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: entry)
        return Hash(hasher.finalize())
    }

    public static func nodeHash(_ left: Hash, _ right: Hash) -> Hash {
        var hasher = SHA256()
        withUnsafeBytes(of: UInt8(1)) { hasher.update(bufferPointer: $0) }
        left.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        right.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return Hash(hasher.finalize())
    }

    /// The root over leaf hashes, in one pass with a stack of perfect subtrees.
    public static func root(_ leaves: [Hash]) -> Hash {
        var frontier = Frontier()
        for leaf in leaves { frontier.append(leaf) }
        return frontier.root
    }

    /// The audit path of leaf `index` in a tree of `leaves` (RFC 6962 §2.1.1), bottom-up.
    public static func inclusionProof(index: Int, leaves: ArraySlice<Hash>) -> [Hash] {
        precondition(index >= 0 && index < leaves.count)
        guard leaves.count > 1 else { return [] }
        let k = largestPowerOfTwo(below: leaves.count)
        let start = leaves.startIndex
        if index < k {
            return inclusionProof(index: index, leaves: leaves[start..<start + k]) + [root(Array(leaves[(start + k)...]))]
        }
        return inclusionProof(index: index - k, leaves: leaves[(start + k)...]) + [root(Array(leaves[start..<start + k]))]
    }

    /// Verifies an audit path (RFC 9162 §2.1.3.2).
    public static func verifyInclusion(leaf: Hash, index: Int, treeSize: Int, proof: [Hash], root: Hash) -> Bool {
        guard index >= 0, index < treeSize else { return false }
        var fn = index
        var sn = treeSize - 1
        var r = leaf
        for p in proof {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                r = nodeHash(p, r)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                r = nodeHash(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && r == root
    }

    static func largestPowerOfTwo(below n: Int) -> Int {
        var k = 1
        while k << 1 < n { k <<= 1 }
        return k
    }

    /// The right edge of a growing tree: the roots of its perfect subtrees, largest first.
    /// Appending is O(log n) and the root can be read at any size, so the log's head is kept
    /// current without reading every leaf again.
    public struct Frontier: Sendable, Hashable {
        public private(set) var size = 0
        /// (height, hash) of each perfect subtree, left to right.
        public private(set) var nodes: [(height: Int, hash: Hash)] = []

        public init() {}

        /// Restores a frontier from its size and subtree hashes (left to right).
        public init?(size: Int, hashes: [Hash]) {
            var heights: [Int] = []
            for bit in (0..<63).reversed() where size & (1 << bit) != 0 { heights.append(bit) }
            guard heights.count == hashes.count else { return nil }
            self.size = size
            self.nodes = Array(zip(heights, hashes)).map { (height: $0.0, hash: $0.1) }
        }

        public mutating func append(_ leaf: Hash) {
            var node = (height: 0, hash: leaf)
            while let last = nodes.last, last.height == node.height {
                nodes.removeLast()
                node = (height: node.height + 1, hash: MerkleTree.nodeHash(last.hash, node.hash))
            }
            nodes.append(node)
            size += 1
        }

        /// The tree's root hash (RFC 6962 MTH).
        public var root: Hash {
            guard var accumulator = nodes.last?.hash else { return MerkleTree.emptyRoot }
            for node in nodes.dropLast().reversed() { accumulator = MerkleTree.nodeHash(node.hash, accumulator) }
            return accumulator
        }

        public static func == (lhs: Frontier, rhs: Frontier) -> Bool {
            lhs.size == rhs.size && lhs.nodes.map(\.hash) == rhs.nodes.map(\.hash)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(size)
            hasher.combine(nodes.map(\.hash))
        }
    }
}

extension Hash {
    /// SHA-256 of some bytes (file hashes in the audit log).
    public static func sha256(_ bytes: [UInt8]) -> Hash { Hash(SHA256.hash(data: bytes)) }

    /// SHA-256 of the bytes in a buffer (the payload digests of the audit log's hot loops).
    public static func sha256(unsafeBytes bytes: UnsafeRawBufferPointer) -> Hash {
        var hasher = SHA256()
        hasher.update(bufferPointer: bytes)
        return Hash(hasher.finalize())
    }
}
