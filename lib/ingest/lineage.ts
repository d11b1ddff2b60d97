/** What the walk needs to know about a commit Tandem has seen pushed (or listed). */
export type KnownCommit = { id: number; parentSha: string | null };

export const MAX_WALK = 10_000;

/**
 * The commits a deployment of `head` delivers: `head` and its first-parent ancestors, stopping at the
 * first commit an earlier successful deployment already delivered, at a commit Tandem never saw, or at
 * an unknown parent. Only ancestry is followed, so commits a force-push or squash merge left behind
 * (no longer reachable from `head`) are never counted.
 */
export async function commitsDelivered(
  head: string,
  lookup: (sha: string) => Promise<KnownCommit | undefined>,
  deliveredBefore: (commitId: number) => Promise<boolean>,
): Promise<number[]> {
  const ids: number[] = [];
  const seen = new Set<string>();
  let sha: string | null = head;
  while (sha !== null && !seen.has(sha) && ids.length < MAX_WALK) {
    seen.add(sha);
    const commit = await lookup(sha);
    if (!commit || (await deliveredBefore(commit.id))) break;
    ids.push(commit.id);
    sha = commit.parentSha;
  }
  return ids;
}
