import Foundation
import Vocabulary

/// The Merkle tree of RFC 6962 §2.1 over a list of leaf hashes (`MerkleHashing`): the tree head (MTH),
/// inclusion proofs (PATH) and consistency proofs (PROOF), and their verification as RFC 9162 §2.1.3.2 and
/// §2.1.4.2 describe it. Pure functions over leaf hashes; the audit trail's leaves are
/// `AuditChain.leafHash(eventHash:)` of its events in sequence order (leaf index = sequence − 1).
///
/// A tree whose size is not a power of two splits at the largest power of two below its size: the left part
/// is a complete tree, the right part the rest, recursively.
public enum MerkleTree {
    public typealias Hash = [UInt8]

    /// MTH(D[n]): the root of the tree over `leaves` (leaf hashes, not leaf inputs).
    public static func root(_ leaves: ArraySlice<Hash>) -> Hash {
        MerkleTreeLevels(leaves: leaves).root(0, leaves.count)
    }

    public static func root(_ leaves: [Hash]) -> Hash { root(leaves[...]) }

    /// PATH(m, D[n]): the hashes that lead from leaf `index` to the root, nearest first. Empty for a tree of one.
    public static func inclusionProof(index: Int, leaves: ArraySlice<Hash>) -> [Hash] {
        MerkleTreeLevels(leaves: leaves).inclusionProof(index: index, size: leaves.count)
    }

    /// PROOF(m, D[n]): what shows that the tree of the first `oldSize` leaves is a prefix of the tree of all
    /// `leaves`. Empty when `oldSize` is 0 or the whole tree.
    public static func consistencyProof(oldSize: Int, leaves: ArraySlice<Hash>) -> [Hash] {
        MerkleTreeLevels(leaves: leaves).consistencyProof(oldSize: oldSize, size: leaves.count)
    }

    /// The root that `proof` leads to from `leafHash` at `index` in a tree of `size` (RFC 9162 §2.1.3.2); nil
    /// when the proof has the wrong length for that place. Compare the result with a trusted root.
    public static func rootFromInclusionProof(index: UInt64, size: UInt64, leafHash: Hash, proof: [Hash]) -> Hash? {
        guard index < size, leafHash.count == 32, proof.allSatisfy({ $0.count == 32 }) else { return nil }
        var fn = index, sn = size - 1
        var r = leafHash
        for p in proof {
            if sn == 0 { return nil }
            if fn & 1 == 1 || fn == sn {
                r = MerkleHashing.nodeHash(p, r)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                r = MerkleHashing.nodeHash(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 ? r : nil
    }

    /// True when `leafHash` is at `index` of the tree of `size` whose root is `root`.
    public static func verifyInclusion(index: UInt64, size: UInt64, leafHash: Hash, proof: [Hash], root: Hash) -> Bool {
        rootFromInclusionProof(index: index, size: size, leafHash: leafHash, proof: proof) == root
    }

    /// True when the tree of `oldSize` with `oldRoot` is a prefix of the tree of `newSize` with `newRoot`
    /// (RFC 9162 §2.1.4.2): the log only grew between the two.
    public static func verifyConsistency(oldSize: UInt64, newSize: UInt64, oldRoot: Hash, newRoot: Hash,
                                         proof: [Hash]) -> Bool {
        guard oldSize <= newSize, proof.allSatisfy({ $0.count == 32 }) else { return false }
        if oldSize == newSize { return proof.isEmpty && oldRoot == newRoot }
        if oldSize == 0 { return proof.isEmpty }
        guard !proof.isEmpty else { return false }
        var path = proof
        if oldSize & (oldSize - 1) == 0 { path.insert(oldRoot, at: 0) }
        var fn = oldSize - 1, sn = newSize - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var fr = path[0], sr = path[0]
        for c in path.dropFirst() {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                fr = MerkleHashing.nodeHash(c, fr)
                sr = MerkleHashing.nodeHash(c, sr)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                sr = MerkleHashing.nodeHash(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        return fr == oldRoot && sr == newRoot && sn == 0
    }

    /// The largest power of two strictly below `n` (n ≥ 2).
    package static func largestPowerOfTwo(below n: Int) -> Int {
        precondition(n >= 2)
        var k = 1
        while k << 1 < n { k <<= 1 }
        return k
    }
}

/// The tree head computed while the leaves go by, one at a time, without keeping them: a stack of the roots
/// of complete subtrees (at most log₂ n of them). `root` folds them from the right, which is MTH.
public struct MerkleTreeBuilder: Sendable {
    private var stack: [(height: Int, hash: MerkleTree.Hash)] = []
    public private(set) var size: UInt64 = 0

    public init() {}

    public mutating func append(_ leafHash: MerkleTree.Hash) {
        var node = (height: 0, hash: leafHash)
        while let last = stack.last, last.height == node.height {
            stack.removeLast()
            node = (node.height + 1, MerkleHashing.nodeHash(last.hash, node.hash))
        }
        stack.append(node)
        size += 1
    }

    /// The root of the leaves appended so far.
    public var root: MerkleTree.Hash {
        guard var r = stack.last?.hash else { return MerkleHashing.emptyRoot }
        for node in stack.dropLast().reversed() { r = MerkleHashing.nodeHash(node.hash, r) }
        return r
    }
}

/// The hashes of every complete subtree of a tree (level h holds the roots of the aligned subtrees of 2^h
/// leaves, in flat 32-byte buffers), computed once in O(n). Every subtree RFC 6962's recursions ask for is
/// then a lookup or a few of them, so a proof costs O(log² n) instead of hashing the whole tree again.
public struct MerkleTreeLevels: Sendable {
    private var levels: [[UInt8]] = []
    public let count: Int

    public init(leaves: ArraySlice<MerkleTree.Hash>) {
        count = leaves.count
        var level: [UInt8] = []
        level.reserveCapacity(leaves.count * 32)
        // A stored leaf that is not 32 bytes (not what Mailroom writes) is hashed to 32: the root then differs.
        for leaf in leaves { level += leaf.count == 32 ? leaf : MerkleHashing.leafHash(leaf) }
        levels.append(level)
        while level.count >= 64 {
            var next: [UInt8] = []
            next.reserveCapacity(level.count / 2)
            var i = 0
            while i + 64 <= level.count {
                next += MerkleHashing.nodeHash(Array(level[i..<i + 32]), Array(level[i + 32..<i + 64]))
                i += 64
            }
            levels.append(next)
            level = next
        }
    }

    public init(leaves: [MerkleTree.Hash]) { self.init(leaves: leaves[...]) }

    /// MTH of leaves start..<end (start aligned as in RFC 6962's recursion).
    public func root(_ start: Int, _ end: Int) -> MerkleTree.Hash {
        let n = end - start
        if n == 0 { return MerkleHashing.emptyRoot }
        if n & (n - 1) == 0, start % n == 0 {
            let height = n.trailingZeroBitCount
            let offset = (start >> height) * 32
            return Array(levels[height][offset..<offset + 32])
        }
        let k = MerkleTree.largestPowerOfTwo(below: n)
        return MerkleHashing.nodeHash(root(start, start + k), root(start + k, end))
    }

    /// MTH of the first `size` leaves.
    public func root(size: Int) -> MerkleTree.Hash { root(0, size) }

    /// PATH(index, D[0:size]).
    public func inclusionProof(index: Int, size: Int) -> [MerkleTree.Hash] {
        precondition(index >= 0 && index < size && size <= count, "the leaf index must be inside the tree")
        return path(index, 0, size)
    }

    private func path(_ m: Int, _ start: Int, _ end: Int) -> [MerkleTree.Hash] {
        let n = end - start
        guard n > 1 else { return [] }
        let k = MerkleTree.largestPowerOfTwo(below: n)
        if m < k { return path(m, start, start + k) + [root(start + k, end)] }
        return path(m - k, start + k, end) + [root(start, start + k)]
    }

    /// PROOF(oldSize, D[0:size]).
    public func consistencyProof(oldSize: Int, size: Int) -> [MerkleTree.Hash] {
        precondition(oldSize >= 0 && oldSize <= size && size <= count, "the old size must not exceed the tree")
        guard oldSize > 0, oldSize < size else { return [] }
        return subproof(oldSize, 0, size, complete: true)
    }

    /// SUBPROOF(m, D[start:end], b) of RFC 6962 §2.1.2.
    private func subproof(_ m: Int, _ start: Int, _ end: Int, complete: Bool) -> [MerkleTree.Hash] {
        let n = end - start
        if m == n { return complete ? [] : [root(start, end)] }
        let k = MerkleTree.largestPowerOfTwo(below: n)
        if m <= k { return subproof(m, start, start + k, complete: complete) + [root(start + k, end)] }
        return subproof(m - k, start + k, end, complete: false) + [root(start, start + k)]
    }
}
