import type { Deferral } from './deferral.js';

/** A sprint's capacity: total effort, and effort per agent role (keyed by `roleKey`). Absent: no limit. */
export interface CapacityLimits {
  sprintEffort?: number;
  roleEffort: ReadonlyMap<string, { role: string; effort: number }>;
}

/** How much of a sprint's capacity its features take. */
export class SprintLoad {
  effort = 0;
  private readonly byRole = new Map<string, number>();

  constructor(private readonly limits: CapacityLimits) {}

  /** Why a feature of this effort and these roles (as `roleKey`s) does not fit (the first limit it breaks), or undefined. */
  misfit(effort: number, roleKeys: readonly string[]): Extract<Deferral, { kind: 'outOfCapacity' }> | undefined {
    const total = this.limits.sprintEffort;
    for (const key of roleKeys) {
      const limit = this.limits.roleEffort.get(key);
      if (limit !== undefined && (this.byRole.get(key) ?? 0) + effort > limit.effort) return { kind: 'outOfCapacity', role: limit.role, needed: effort, capacity: limit.effort };
    }
    if (total !== undefined && this.effort + effort > total) return { kind: 'outOfCapacity', needed: effort, capacity: total };
    return undefined;
  }

  /** Does a feature of this effort and these role keys fit? (`misfit` says why not.) */
  fits(effort: number, roleKeys: readonly string[]): boolean {
    if (this.limits.sprintEffort !== undefined && this.effort + effort > this.limits.sprintEffort) return false;
    for (const key of roleKeys) {
      const limit = this.limits.roleEffort.get(key);
      if (limit !== undefined && (this.byRole.get(key) ?? 0) + effort > limit.effort) return false;
    }
    return true;
  }

  /** Takes a feature's effort; `roleKeys` without repeats. */
  add(effort: number, roleKeys: readonly string[]): void {
    this.effort += effort;
    for (const key of roleKeys) this.byRole.set(key, (this.byRole.get(key) ?? 0) + effort);
  }

  /** No feature, however small, fits any more (the total is reached). */
  isFull(): boolean {
    return this.limits.sprintEffort !== undefined && this.effort >= this.limits.sprintEffort;
  }
}
