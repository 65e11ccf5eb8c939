// Converts the word vectors once into their compact cache file (see server/language/word-vectors.ts),
// so no request or test pays the 30-second conversion.
import fs from "node:fs";
import { cacheFile, convertWordVectors, wordVectors } from "../server/language/word-vectors";

const file = cacheFile();
if (fs.existsSync(file)) {
  console.log(`word vectors: ${file} is ready`);
} else {
  const started = Date.now();
  convertWordVectors(file);
  console.log(`word vectors: wrote ${file} (${(fs.statSync(file).size / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
console.log(`word vectors: ${wordVectors().size} words`);
