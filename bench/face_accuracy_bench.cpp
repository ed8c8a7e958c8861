// Face verification accuracy and cost on the labelled images of Debian's dlib source package
// (scripts/fetch-face-models puts them in .cache/face/images; spec/FACE.md):
//   johns/<person>/*.jpg   5 people x 11 tight 150 px chips (padded before detection)
//   faces/bald_guys.jpg    a collage of 4 people x 6 faces, labelled by hand (face centres)
//   faces/*.jpg (others)   every face found taken as a distinct person (impostors only)
// Part 1 prints FAR/FRR over every genuine and impostor pair at thresholds 0.50/0.55/0.60, then
// again with the second face of each pair degraded like a webcam capture (downscale, +-8 deg
// rotation, blur, gamma, noise, JPEG 35). Part 2 runs Google Benchmark timings: HOG detection,
// detection + landmarks + embedding, and the peer, OpenCV's LBP cascade alone.
// Figures: src/face/README.md. Run: build/face-rel/bench/face_accuracy_bench [--benchmark_*]
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "face/dlib_face_verifier.h"
#include "face/face_finder.h"

namespace {

namespace fs = std::filesystem;
using rc::face::DlibFaceVerifier;
using rc::face::FaceTemplate;

// $RC_FACE_CACHE, else the first .cache/face above the executable (build/<dir>/bench/...).
std::string find_cache() {
  if (const char* env = std::getenv("RC_FACE_CACHE")) return env;
  for (fs::path p = fs::canonical("/proc/self/exe").parent_path(); p != p.root_path(); p = p.parent_path()) {
    if (fs::is_directory(p / ".cache/face")) return (p / ".cache/face").string();
  }
  return ".cache/face";
}
const std::string kCache = find_cache();

struct Sample {
  std::string label;
  cv::Mat image;  // what the embedding sees (already padded)
};

struct Embedded {
  std::string label;
  FaceTemplate face;
};

cv::Mat pad_chip(const cv::Mat& chip) {
  cv::Mat padded;
  int p = chip.cols / 2;
  cv::copyMakeBorder(chip, padded, p, p, p, p, cv::BORDER_CONSTANT, cv::Scalar(128, 128, 128));
  return padded;
}

std::vector<Sample> johns() {
  std::vector<Sample> out;
  std::vector<fs::path> people;
  for (const auto& d : fs::directory_iterator(kCache + "/images/johns")) people.push_back(d.path());
  std::sort(people.begin(), people.end());
  for (const auto& person : people) {
    std::vector<fs::path> files;
    for (const auto& f : fs::directory_iterator(person)) files.push_back(f.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) out.push_back({person.filename().string(), pad_chip(cv::imread(f.string()))});
  }
  return out;
}

// bald_guys.jpg is a collage of 24 faces of 4 actors: face centres (in the 1986 x 1545 original)
// labelled by looking at the picture; a detected face takes the label of the nearest centre.
std::string bald_guy(const cv::Rect& box) {
  struct Known { int x, y; const char* who; };
  static constexpr Known kFaces[] = {
      {150, 150, "diesel"}, {388, 288, "diesel"}, {650, 163, "diesel"}, {138, 438, "diesel"}, {638, 488, "diesel"}, {150, 1338, "diesel"},
      {388, 100, "statham"}, {950, 150, "statham"}, {375, 500, "statham"}, {963, 475, "statham"}, {150, 763, "statham"}, {500, 875, "statham"},
      {863, 875, "willis"}, {1150, 863, "willis"}, {113, 1025, "willis"}, {475, 1325, "willis"}, {838, 1300, "willis"}, {1175, 1100, "willis"},
      {1600, 250, "johnson"}, {1875, 475, "johnson"}, {1675, 763, "johnson"}, {1175, 1363, "johnson"}, {1463, 1363, "johnson"}, {1850, 1363, "johnson"},
  };
  cv::Point c(box.x + box.width / 2, box.y + box.height / 2);
  const Known* best = nullptr;
  double best_d = 1e9;
  for (const Known& k : kFaces) {
    double d = std::hypot(k.x - c.x, k.y - c.y);
    if (d < best_d) best_d = d, best = &k;
  }
  return best_d < 150 ? std::string("bald_") + best->who : std::string();
}

// Faces of a group picture, each labelled by label_of(box) ("" = skip).
template <class LabelOf>
void add_group(DlibFaceVerifier& v, const cv::Mat& img, LabelOf label_of, std::vector<Embedded>& out) {
  for (const auto& f : v.embed_all(img)) {
    std::string label = label_of(f.box);
    if (!label.empty()) out.push_back({label, f.face_template});
  }
}

std::vector<Embedded> embed_set(DlibFaceVerifier& v, const std::vector<Sample>& samples, int& not_found) {
  std::vector<Embedded> out;
  for (const auto& s : samples) {
    auto t = v.embed(s.image);
    if (t) {
      out.push_back({s.label, *t});
    } else {
      ++not_found;
    }
  }
  return out;
}

void add_group_pictures(DlibFaceVerifier& v, std::vector<Embedded>& out) {
  cv::Mat bald = cv::imread(kCache + "/images/faces/bald_guys.jpg");
  add_group(v, bald, bald_guy, out);
  std::vector<fs::path> others;
  for (const auto& f : fs::directory_iterator(kCache + "/images/faces")) {
    if (f.path().filename() != "bald_guys.jpg" && f.path().filename() != "dogs.jpg") others.push_back(f.path());
  }
  std::sort(others.begin(), others.end());
  for (const auto& f : others) {
    int n = 0;
    add_group(v, cv::imread(f.string()), [&](const cv::Rect&) { return f.stem().string() + "#" + std::to_string(n++); }, out);
  }
}

cv::Mat degrade(const cv::Mat& img, int kind, int index) {
  cv::Mat out;
  switch (kind) {
    case 0: cv::resize(img, out, cv::Size(), 0.5, 0.5, cv::INTER_AREA); return out;
    case 1: {
      double angle = index % 2 ? 8 : -8;
      cv::Mat rot = cv::getRotationMatrix2D(cv::Point2f(img.cols / 2.f, img.rows / 2.f), angle, 1.0);
      cv::warpAffine(img, out, rot, img.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
      return out;
    }
    case 2: cv::GaussianBlur(img, out, cv::Size(0, 0), 1.5); return out;
    case 3: {
      double gamma = index % 2 ? 0.6 : 1.6;
      cv::Mat lut(1, 256, CV_8U);
      for (int i = 0; i < 256; ++i) lut.at<uchar>(i) = cv::saturate_cast<uchar>(255.0 * std::pow(i / 255.0, gamma));
      cv::LUT(img, lut, out);
      return out;
    }
    case 4: {
      cv::Mat noise(img.size(), CV_16SC3);
      cv::RNG rng(static_cast<uint64_t>(index) + 1);
      rng.fill(noise, cv::RNG::NORMAL, 0, 10);
      img.convertTo(out, CV_16SC3);
      out += noise;
      out.convertTo(out, CV_8UC3);
      return out;
    }
    default: {
      std::vector<unsigned char> buf;
      cv::imencode(".jpg", img, buf, {cv::IMWRITE_JPEG_QUALITY, 35});
      return cv::imdecode(buf, cv::IMREAD_COLOR);
    }
  }
}

struct Rates {
  long genuine = 0, impostor = 0, false_rejects = 0, false_accepts = 0;
};

Rates rates(const std::vector<Embedded>& a, const std::vector<Embedded>& b, double threshold, bool same_set) {
  Rates r;
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t j = same_set ? i + 1 : 0; j < b.size(); ++j) {
      if (!same_set && i == j) continue;
      bool genuine = a[i].label == b[j].label;
      double d = rc::face::template_distance(a[i].face, b[j].face);
      if (genuine) {
        ++r.genuine;
        r.false_rejects += d >= threshold;
      } else {
        ++r.impostor;
        r.false_accepts += d < threshold;
      }
    }
  }
  return r;
}

void print_rates(const char* title, const std::vector<Embedded>& a, const std::vector<Embedded>& b, bool same_set) {
  std::printf("\n%s\n| threshold | genuine pairs | impostor pairs | FRR | FAR |\n| --- | --- | --- | --- | --- |\n", title);
  for (double t : {0.50, 0.55, 0.60}) {
    Rates r = rates(a, b, t, same_set);
    std::printf("| %.2f | %ld | %ld | %.2f %% (%ld) | %.3f %% (%ld) |\n", t, r.genuine, r.impostor,
                100.0 * r.false_rejects / std::max(1L, r.genuine), r.false_rejects,
                100.0 * r.false_accepts / std::max(1L, r.impostor), r.false_accepts);
  }
}

void accuracy(DlibFaceVerifier& v) {
  int not_found = 0;
  std::vector<Sample> chips = johns();
  std::vector<Embedded> set = embed_set(v, chips, not_found);
  std::size_t johns_found = set.size();
  add_group_pictures(v, set);
  std::map<std::string, int> per_label;
  for (const auto& e : set) ++per_label[e.label];
  std::printf("faces: %zu (%zu of %zu john chips detected), identities: %zu\n", set.size(), johns_found, chips.size(),
              per_label.size());
  print_rates("Originals, all pairs:", set, set, true);

  // Webcam-like copies of the john chips (the only set where each face has its own picture).
  std::vector<Embedded> degraded;
  int degraded_not_found = 0;
  for (int kind = 0; kind < 6; ++kind) {
    std::vector<Sample> d;
    for (std::size_t i = 0; i < chips.size(); ++i) d.push_back({chips[i].label, degrade(chips[i].image, kind, static_cast<int>(i))});
    auto e = embed_set(v, d, degraded_not_found);
    degraded.insert(degraded.end(), e.begin(), e.end());
  }
  std::printf("\ndegraded john chips: %zu embedded, %d not detected\n", degraded.size(), degraded_not_found);
  std::vector<Embedded> originals(set.begin(), set.begin() + static_cast<long>(johns_found));
  print_rates("Original vs degraded (every original john chip against every degraded copy of another chip):",
              originals, degraded, false);
}

std::unique_ptr<DlibFaceVerifier> g_verifier;  // default configuration, as the platform uses it
cv::Mat g_photo;

void BM_HogDetect(benchmark::State& state) {
  auto finder = rc::face::FaceFinder::create("");
  for (auto _ : state) benchmark::DoNotOptimize((*finder)->find(g_photo, 72));  // as the verifier
}
void BM_DetectLandmarksEmbed(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(g_verifier->embed(g_photo));
}
void BM_LbpCascadePeer(benchmark::State& state) {
  auto finder = rc::face::FaceFinder::create("");
  for (auto _ : state) benchmark::DoNotOptimize((*finder)->cascade(g_photo, 72));
}
BENCHMARK(BM_HogDetect)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DetectLandmarksEmbed)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LbpCascadePeer)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  auto config = rc::face::dlib_verifier_config(kCache);
  g_verifier = std::make_unique<DlibFaceVerifier>(config);
  if (auto ready = g_verifier->ready(); !ready) {
    std::fprintf(stderr, "%s\n", ready.error().message.c_str());
    return 1;
  }
  config.detect_min_face_fraction = 0.04;  // the group pictures hold small faces
  DlibFaceVerifier measuring(config);
  // A 640 x 480 webcam-like frame: one padded john chip scaled up.
  cv::Mat chip = pad_chip(cv::imread(kCache + "/images/johns/John_Simm/000288_00470387.jpg"));
  cv::Mat frame(480, 640, CV_8UC3, cv::Scalar(200, 200, 200));
  cv::resize(chip, chip, cv::Size(400, 400));
  chip.copyTo(frame(cv::Rect(120, 40, 400, 400)));
  g_photo = frame;
  accuracy(measuring);
  std::printf("\n");
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
