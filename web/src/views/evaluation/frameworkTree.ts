// Walks a framework definition (domains → aspects → indicators, or aspects → indicators) the same
// way whatever its nesting.
import type { FrameworkAspect, FrameworkDefinition, FrameworkIndicator, ScaleLevel } from '@/api/evaluation'

export function aspectsOf(f: FrameworkDefinition): FrameworkAspect[] {
  return f.domains ? f.domains.flatMap((d) => d.aspects) : f.aspects ?? []
}

export function indicatorsOf(f: FrameworkDefinition): FrameworkIndicator[] {
  return aspectsOf(f).flatMap((a) => a.indicators)
}

/** The levels of an indicator's scale. */
export function levelsOf(f: FrameworkDefinition, ind: FrameworkIndicator): ScaleLevel[] {
  return f.scales.find((s) => s.name === ind.scale)?.levels ?? []
}
