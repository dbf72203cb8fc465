-- AlterTable
ALTER TABLE "samples" ADD COLUMN     "generation_prompt" TEXT,
ADD COLUMN     "source_path" TEXT;
