/**
 * The assignment of rows to distinct columns with the largest total score
 * (the Hungarian method, O(rows² × columns)). `scores[row][column]` is how well
 * a column suits a row; a row may stay unassigned (-1) when there are fewer
 * columns than rows or nothing suits it (score 0 or less is never chosen).
 */
export function assignBest(scores: ReadonlyArray<readonly number[]>): number[] {
  const rows = scores.length;
  if (rows === 0) return [];
  const columns = scores[0]!.length;
  // One "unassigned" column per row (cost 0) lets every row be placed, so the rectangular problem always has a solution.
  const width = columns + rows;
  const cost = (row: number, column: number) => (column < columns ? -Math.max(0, scores[row]![column]!) : 0);
  // Potentials and matching, 1-based with column 0 as the sentinel, as in the classic formulation.
  const rowPotential = new Array<number>(rows + 1).fill(0);
  const columnPotential = new Array<number>(width + 1).fill(0);
  const rowOfColumn = new Array<number>(width + 1).fill(0);
  const way = new Array<number>(width + 1).fill(0);
  for (let row = 1; row <= rows; row++) {
    rowOfColumn[0] = row;
    let column = 0;
    const slack = new Array<number>(width + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Array<boolean>(width + 1).fill(false);
    do {
      used[column] = true;
      const current = rowOfColumn[column]!;
      let delta = Number.POSITIVE_INFINITY;
      let next = 0;
      for (let candidate = 1; candidate <= width; candidate++) {
        if (used[candidate]) continue;
        const reduced = cost(current - 1, candidate - 1) - rowPotential[current]! - columnPotential[candidate]!;
        if (reduced < slack[candidate]!) {
          slack[candidate] = reduced;
          way[candidate] = column;
        }
        if (slack[candidate]! < delta) {
          delta = slack[candidate]!;
          next = candidate;
        }
      }
      for (let candidate = 0; candidate <= width; candidate++) {
        if (used[candidate]) {
          rowPotential[rowOfColumn[candidate]!]! += delta;
          columnPotential[candidate]! -= delta;
        } else {
          slack[candidate]! -= delta;
        }
      }
      column = next;
    } while (rowOfColumn[column] !== 0);
    do {
      const previous = way[column]!;
      rowOfColumn[column] = rowOfColumn[previous]!;
      column = previous;
    } while (column !== 0);
  }
  const assigned = new Array<number>(rows).fill(-1);
  for (let column = 1; column <= columns; column++) {
    const row = rowOfColumn[column]!;
    if (row > 0 && scores[row - 1]![column - 1]! > 0) assigned[row - 1] = column - 1;
  }
  return assigned;
}
