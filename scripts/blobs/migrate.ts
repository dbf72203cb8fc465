// npm run blobs:migrate -- --to s3 — copies the local image folder (<data dir>/blobs) to the bucket
// named by UNIGAP_S3_BUCKET (and UNIGAP_S3_ENDPOINT …), verifying every hash; run it again after an
// interruption and it skips what is already there. Prints the counts; exits 1 if any file is corrupt.
import { resolveDatabaseConfig } from "@/lib/db/config";
import { migrateBlobsToS3 } from "@/lib/storage/blob-migration";
import { findS3Store } from "@/lib/storage/object-store";

async function main() {
  const args = process.argv.slice(2);
  if (!args.includes("--to") || args[args.indexOf("--to") + 1] !== "s3") {
    console.error("usage: npm run blobs:migrate -- --to s3   (with UNIGAP_S3_BUCKET and the bucket's settings in the environment)");
    process.exit(2);
  }
  const store = findS3Store();
  if (!store) {
    console.error("UNIGAP_S3_BUCKET is not set: name the bucket to copy the images to (see .env.example).");
    process.exit(2);
  }
  const { dataDir } = resolveDatabaseConfig(process.env);
  const started = performance.now();
  console.log(`copying ${dataDir}/blobs to s3://${store.settings.bucket}/${store.settings.prefix}blobs/ …`);
  const counts = await migrateBlobsToS3(dataDir, store, (c) => {
    if (c.files % 500 === 0) console.log(`  ${c.files} files: ${c.copied} copied, ${c.skipped} already there`);
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${counts.files} files: ${counts.copied} copied (${(counts.bytesCopied / 1024 / 1024).toFixed(1)} MB), ${counts.skipped} already in the bucket and verified, ${counts.corrupt.length} corrupt; ${seconds.toFixed(1)} s`,
  );
  for (const name of counts.corrupt) console.error(`corrupt (does not hash to its name, not copied): ${name}`);
  process.exit(counts.corrupt.length > 0 ? 1 : 0);
}

void main();
