import BuurtstemCore
import Testing

@Suite("RFC 6962 Merkle tree")
struct MerkleTreeTests {
    /// The Certificate Transparency test leaves.
    static let leaves: [[UInt8]] = [
        [], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43],
        [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
        [0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f],
    ]

    @Test("known hashes from RFC 6962 test data")
    func vectors() {
        #expect(MerkleTree.emptyRoot.description == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(MerkleTree.leafHash([]).description == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
        let hashes = Self.leaves.map { MerkleTree.leafHash($0) }
        #expect(MerkleTree.root(hashes).description == "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")
    }

    /// MTH straight from the RFC's recursive definition.
    func referenceRoot(_ hashes: ArraySlice<Hash>) -> Hash {
        if hashes.isEmpty { return MerkleTree.emptyRoot }
        if hashes.count == 1 { return hashes.first! }
        var k = 1
        while k * 2 < hashes.count { k *= 2 }
        let s = hashes.startIndex
        return MerkleTree.nodeHash(referenceRoot(hashes[s..<s + k]), referenceRoot(hashes[(s + k)...]))
    }

    @Test("the streaming root equals the recursive definition, and every proof verifies", arguments: 1...70)
    func proofs(size: Int) {
        let hashes = (0..<size).map { MerkleTree.leafHash([UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)]) }
        let root = MerkleTree.root(hashes)
        #expect(root == referenceRoot(hashes[...]))
        for index in 0..<size {
            let proof = MerkleTree.inclusionProof(index: index, leaves: hashes[...])
            #expect(MerkleTree.verifyInclusion(leaf: hashes[index], index: index, treeSize: size, proof: proof, root: root))
            // A wrong leaf, index or root does not verify.
            let other = hashes[(index + 1) % size]
            if size > 1 {
                #expect(!MerkleTree.verifyInclusion(leaf: other, index: index, treeSize: size, proof: proof, root: root))
            }
            #expect(!MerkleTree.verifyInclusion(leaf: hashes[index], index: index, treeSize: size, proof: proof, root: MerkleTree.emptyRoot))
        }
    }

    @Test("a frontier restored from its stored hashes goes on as before")
    func frontierRestore() throws {
        var frontier = MerkleTree.Frontier()
        for i in 0..<13 { frontier.append(MerkleTree.leafHash([UInt8(i)])) }
        var restored = try #require(MerkleTree.Frontier(size: frontier.size, hashes: frontier.nodes.map(\.hash)))
        #expect(restored.root == frontier.root)
        frontier.append(MerkleTree.leafHash([99]))
        restored.append(MerkleTree.leafHash([99]))
        #expect(restored.root == frontier.root)
        #expect(MerkleTree.Frontier(size: 13, hashes: []) == nil)
    }

    @Test("audit heads print and parse as SIZE:ROOT")
    func heads() throws {
        let head = AuditHead(size: 8, root: MerkleTree.emptyRoot)
        #expect(AuditHead(parsing: head.description) == head)
        #expect(AuditHead(parsing: "8:zz") == nil)
    }
}
