import Foundation
import Testing
@testable import Vocabulary
@testable import Audit

/// RFC 6962's Merkle tree against the published vectors of the Certificate Transparency reference code (the
/// eight leaves of its tests; the roots, inclusion and consistency proofs as transparency-dev/merkle and the
/// CT test suites state them).
@Suite struct MerkleTreeTests {
    static let inputs: [[UInt8]] = [
        [], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43],
        [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
        [0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f],
    ]
    static var leaves: [[UInt8]] { inputs.map(MerkleHashing.leafHash) }

    /// MTH of the first n leaves, n = 0…8.
    static let roots = [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ]

    /// (leaf index, tree size, path), leaf indices from 0.
    static let inclusion: [(UInt64, UInt64, [String])] = [
        (0, 1, []),
        (0, 2, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"]),
        (1, 2, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"]),
        (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
        (1, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
        (0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
        (5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    ]

    /// (old size, new size, proof).
    static let consistency: [(UInt64, UInt64, [String])] = [
        (1, 1, []),
        (1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
        (6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
        (2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
    ]

    static func bytes(_ hex: String) -> [UInt8] { AuditChain.hexBytes(hex)! }

    @Test func theHashesOfRFC6962() {
        #expect(AuditChain.hex(MerkleHashing.emptyRoot) == Self.roots[0])
        #expect(AuditChain.hex(MerkleHashing.leafHash([UInt8]())) == Self.roots[1])
        #expect(AuditChain.hex(MerkleHashing.leafHash(Array("L123456".utf8)))
                == "395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56")
        #expect(AuditChain.hex(MerkleHashing.nodeHash(Array("N123".utf8), Array("N456".utf8)))
                == "aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb")
    }

    @Test func rootsForEverySizeFromZeroToEight() {
        for size in 0...8 {
            #expect(AuditChain.hex(MerkleTree.root(Array(Self.leaves.prefix(size)))) == Self.roots[size], "size \(size)")
            var builder = MerkleTreeBuilder()
            for leaf in Self.leaves.prefix(size) { builder.append(leaf) }
            #expect(AuditChain.hex(builder.root) == Self.roots[size], "streamed, size \(size)")
        }
    }

    @Test func inclusionProofsAreTheReferenceOnesAndVerify() {
        for (index, size, path) in Self.inclusion {
            let leaves = Array(Self.leaves.prefix(Int(size)))
            let proof = MerkleTree.inclusionProof(index: Int(index), leaves: leaves[...])
            #expect(proof.map(AuditChain.hex) == path, "leaf \(index) of \(size)")
            let root = Self.bytes(Self.roots[Int(size)])
            #expect(MerkleTree.verifyInclusion(index: index, size: size, leafHash: Self.leaves[Int(index)],
                                               proof: proof, root: root))
            // The corruptions of transparency-dev's verify tests: another index, size, leaf, root, proof.
            #expect(!MerkleTree.verifyInclusion(index: index + 1, size: size, leafHash: Self.leaves[Int(index)], proof: proof, root: root))
            #expect(!MerkleTree.verifyInclusion(index: index, size: size * 2, leafHash: Self.leaves[Int(index)], proof: proof, root: root))
            #expect(!MerkleTree.verifyInclusion(index: index, size: size, leafHash: MerkleHashing.leafHash(Array("WrongLeaf".utf8)),
                                                proof: proof, root: root))
            #expect(!MerkleTree.verifyInclusion(index: index, size: size, leafHash: Self.leaves[Int(index)], proof: proof,
                                                root: MerkleHashing.emptyRoot))
            #expect(!MerkleTree.verifyInclusion(index: index, size: size, leafHash: Self.leaves[Int(index)], proof: proof + [root], root: root))
            #expect(!MerkleTree.verifyInclusion(index: index, size: size, leafHash: Self.leaves[Int(index)], proof: [root] + proof, root: root))
            for i in proof.indices {
                var flipped = proof
                flipped[i][0] ^= 8
                #expect(!MerkleTree.verifyInclusion(index: index, size: size, leafHash: Self.leaves[Int(index)], proof: flipped, root: root))
            }
        }
    }

    @Test func everyLeafOfEveryTreeProvesItsInclusion() {
        for size in 1...8 {
            let leaves = Array(Self.leaves.prefix(size))
            for index in 0..<size {
                let proof = MerkleTree.inclusionProof(index: index, leaves: leaves[...])
                #expect(MerkleTree.verifyInclusion(index: UInt64(index), size: UInt64(size), leafHash: leaves[index],
                                                   proof: proof, root: Self.bytes(Self.roots[size])))
            }
        }
    }

    @Test func consistencyProofsAreTheReferenceOnesAndVerify() {
        for (old, new, path) in Self.consistency {
            let proof = MerkleTree.consistencyProof(oldSize: Int(old), leaves: Self.leaves.prefix(Int(new)))
            #expect(proof.map(AuditChain.hex) == path, "\(old) → \(new)")
            #expect(MerkleTree.verifyConsistency(oldSize: old, newSize: new, oldRoot: Self.bytes(Self.roots[Int(old)]),
                                                 newRoot: Self.bytes(Self.roots[Int(new)]), proof: proof))
        }
        // Every pair, and the proofs do not pass for another old root (a rewritten beginning).
        for new in 1...8 {
            for old in 1...new {
                let proof = MerkleTree.consistencyProof(oldSize: old, leaves: Self.leaves.prefix(new))
                let oldRoot = Self.bytes(Self.roots[old]), newRoot = Self.bytes(Self.roots[new])
                #expect(MerkleTree.verifyConsistency(oldSize: UInt64(old), newSize: UInt64(new), oldRoot: oldRoot,
                                                     newRoot: newRoot, proof: proof), "\(old) → \(new)")
                if old < new {
                    #expect(!MerkleTree.verifyConsistency(oldSize: UInt64(old), newSize: UInt64(new),
                                                          oldRoot: MerkleHashing.leafHash(Array("rewritten".utf8)),
                                                          newRoot: newRoot, proof: proof))
                    #expect(!MerkleTree.verifyConsistency(oldSize: UInt64(old), newSize: UInt64(new), oldRoot: oldRoot,
                                                          newRoot: oldRoot, proof: proof))
                }
            }
        }
    }
}
