import { Badge, Table, TableCaption, TableContainer, TBody, TD, TH, THead, TR } from "@/components/ui";
import type { FairnessTable } from "@/server/fairness/report";
import { DIMENSION_LABELS } from "@/server/fairness/report-csv";

const percent = (n: number | null) => (n === null ? "–" : `${(n * 100).toFixed(1)} %`);

/** One dimension's selection rates and impact ratios; suppressed cells say so instead of a number. */
export function ImpactTableView({ table, basisLabel }: { table: FairnessTable; basisLabel: string }) {
  const rows = table.dimension === "intersectional" ? table.rows.filter((r) => !r.suppressed) : table.rows;
  const hidden = table.rows.length - rows.length;
  return (
    <TableContainer>
      <Table>
        <TableCaption>
          {DIMENSION_LABELS[table.dimension]}: {basisLabel}
        </TableCaption>
        <THead>
          <TR>
            <TH scope="col">Category</TH>
            <TH scope="col" className="text-right">
              Candidates
            </TH>
            <TH scope="col" className="text-right">
              Selected
            </TH>
            <TH scope="col" className="text-right">
              Selection rate
            </TH>
            <TH scope="col" className="text-right">
              Impact ratio
            </TH>
          </TR>
        </THead>
        <TBody>
          {rows.map((row) => (
            <TR key={row.category}>
              <TH scope="row" className="font-normal">
                {table.labels[row.category] ?? row.category}
              </TH>
              {row.suppressed ? (
                <TD colSpan={4} className="text-right text-slate-500">
                  Fewer than 5 candidates: not shown
                </TD>
              ) : (
                <>
                  <TD className="text-right tabular-nums">{row.total}</TD>
                  <TD className="text-right tabular-nums">{row.selected}</TD>
                  <TD className="text-right tabular-nums">{percent(row.rate)}</TD>
                  <TD className="text-right tabular-nums">
                    {row.ratio === null ? "–" : row.ratio.toFixed(2)} {row.belowFourFifths ? <Badge tone="warning">Below 0.8</Badge> : null}
                  </TD>
                </>
              )}
            </TR>
          ))}
          <TR>
            <TH scope="row" className="font-normal text-slate-600">
              Unknown (preferred not to say, or did not answer)
            </TH>
            <TD className="text-right tabular-nums text-slate-600">{table.unknown}</TD>
            <TD colSpan={3} className="text-right text-slate-500">
              Not part of the rates
            </TD>
          </TR>
        </TBody>
      </Table>
      {hidden > 0 ? <p className="px-4 py-2 text-xs text-slate-500">{hidden} combinations with fewer than 5 candidates are not shown.</p> : null}
    </TableContainer>
  );
}
