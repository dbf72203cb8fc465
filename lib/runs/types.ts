export type TRunListItemDTO = {
  id: string;
  name: string;
  method: string;
  tags: string[];
  status: "running" | "finished" | "failed";
  baselineRunId: string | null;
  createdAt: string;
};
