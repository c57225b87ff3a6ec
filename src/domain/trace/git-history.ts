/** One commit of a repository, as `git log` gives it. */
export interface GitCommit {
  sha: string;
  parents: string[];
  /** The whole message (subject and body). */
  message: string;
  author?: string;
  /** Committer date, ISO-8601: a calendar label only. */
  committedAt?: string;
}

/** A local branch and whether it is merged into the main line (`git merge-base --is-ancestor`). */
export interface GitBranch {
  name: string;
  tip: string;
  merged: boolean;
}

/** A tag and the commit it points at. */
export interface GitTag {
  name: string;
  /** The commit (an annotated tag is peeled to its commit). */
  target: string;
  annotated: boolean;
  /** An annotated tag's message. */
  message?: string;
}

/** What Kairos reads of a git repository: its commits, branches, tags and main line. */
export interface GitHistory {
  /** The repository's folder. */
  repository: string;
  /** The main line's branch name (`main`, `master`, or as configured); absent in an empty repository. */
  mainBranch?: string;
  /** The main line's commits, newest first, following first parents. */
  mainLine: string[];
  /** Every commit reachable from a branch or tag, newest first (bounded by the reader). */
  commits: GitCommit[];
  branches: GitBranch[];
  tags: GitTag[];
}
