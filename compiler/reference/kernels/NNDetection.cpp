//===- NNDetection.cpp - Reference kernels of detection operators ---------===//
//
// GridSample (bilinear, nearest, bicubic; zeros, border, reflection
// padding), RoiAlign (avg and max) and NonMaxSuppression. Box coordinates
// and indices come from the model: every one is bounds-checked.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/KernelSupport.h"
#include "compiler/reference/kernels/NNFamily.h"

#include <algorithm>
#include <array>
#include <numeric>

namespace hone::ref {
namespace {

/// Reflects `x` into [lo, hi] (GridSample's reflection padding).
double reflect(double x, double lo, double hi) {
  double range = hi - lo;
  if (range <= 0)
    return lo;
  if (x < lo) {
    double d = lo - x;
    int64_t flips = static_cast<int64_t>(d / range);
    double r = d - flips * range;
    return flips % 2 == 0 ? lo + r : hi - r;
  }
  if (x > hi) {
    double d = x - hi;
    int64_t flips = static_cast<int64_t>(d / range);
    double r = d - flips * range;
    return flips % 2 == 0 ? hi - r : lo + r;
  }
  return x;
}

/// GridSample (opset 16): samples X [N, C, H, W] at the normalized (x, y)
/// points of grid [N, H', W', 2].
Status gridSampleKernel(KernelContext &ctx) {
  const Tensor *x, *grid;
  if (Status s = requireInputs(ctx, {&x, &grid}); !s)
    return s;
  if (x->rank() != 4 || grid->rank() != 4 || grid->dim(3) != 2 || grid->dim(0) != x->dim(0))
    return ctx.error("expected X of N x C x H x W and grid of N x H' x W' x 2, got " +
                     shapeToString(x->shape()) + " and " + shapeToString(grid->shape()));
  std::string mode = ctx.getString("mode", "bilinear"),
              padding = ctx.getString("padding_mode", "zeros");
  if (mode != "bilinear" && mode != "nearest" && mode != "bicubic")
    return ctx.error("expected mode bilinear, nearest or bicubic, got '" + mode + "'");
  if (padding != "zeros" && padding != "border" && padding != "reflection")
    return ctx.error("expected padding_mode zeros, border or reflection, got '" + padding + "'");
  bool alignCorners = ctx.getInt("align_corners", 0) != 0;
  int64_t n = x->dim(0), c = x->dim(1), h = x->dim(2), w = x->dim(3);
  int64_t oh = grid->dim(1), ow = grid->dim(2);
  Shape outShape{n, c, oh, ow};
  if (Status s = checkShape(ctx, outShape); !s)
    return s;
  if (Status s = checkWork(ctx, {shapeNumel(outShape), 16}); !s)
    return s;
  Tensor y(resultDType(ctx, 0, x->dtype()), outShape);
  if (y.numel() == 0) {
    ctx.setOutput(0, std::move(y));
    return Status::success();
  }
  if (h == 0 || w == 0)
    return ctx.error("expected a non-empty image to sample, got " + shapeToString(x->shape()));
  auto unnormalize = [alignCorners](double v, int64_t size) {
    // Grid values come from the model: NaN and infinities become far-away
    // coordinates, which every padding mode handles without overflow.
    v = std::isnan(v) ? -1e9 : std::clamp(v, -1e9, 1e9);
    return alignCorners ? (v + 1) / 2 * (size - 1) : ((v + 1) * size - 1) / 2;
  };
  auto pixel = [&](int64_t b, int64_t ch, int64_t yy, int64_t xx) -> double {
    if (padding == "zeros" && (yy < 0 || yy >= h || xx < 0 || xx >= w))
      return 0;
    yy = std::clamp<int64_t>(yy, 0, h - 1);
    xx = std::clamp<int64_t>(xx, 0, w - 1);
    return x->getDouble(((b * c + ch) * h + yy) * w + xx);
  };
  auto applyPadding = [&](double v, int64_t size) {
    if (padding == "border")
      return std::clamp(v, 0.0, static_cast<double>(size - 1));
    if (padding == "reflection")
      return alignCorners ? reflect(v, 0, size - 1) : reflect(v, -0.5, size - 0.5);
    return v;
  };
  for (int64_t b = 0; b < n; ++b)
    for (int64_t i = 0; i < oh; ++i)
      for (int64_t j = 0; j < ow; ++j) {
        int64_t g = ((b * oh + i) * ow + j) * 2;
        double gx = applyPadding(unnormalize(grid->getDouble(g), w), w);
        double gy = applyPadding(unnormalize(grid->getDouble(g + 1), h), h);
        for (int64_t ch = 0; ch < c; ++ch) {
          double v;
          if (mode == "nearest") {
            v = pixel(b, ch, static_cast<int64_t>(std::nearbyint(gy)),
                      static_cast<int64_t>(std::nearbyint(gx)));
          } else if (mode == "bicubic") {
            int64_t x0 = static_cast<int64_t>(std::floor(gx)) - 1,
                    y0 = static_cast<int64_t>(std::floor(gy)) - 1;
            double tx = gx - std::floor(gx), ty = gy - std::floor(gy);
            auto weights = [](double t) {
              const double a = -0.75;
              auto w1 = [a](double d) { return ((a + 2) * d - (a + 3)) * d * d + 1; };
              auto w2 = [a](double d) { return ((a * d - 5 * a) * d + 8 * a) * d - 4 * a; };
              return std::array<double, 4>{w2(t + 1), w1(t), w1(1 - t), w2(2 - t)};
            };
            std::array<double, 4> wx = weights(tx), wy = weights(ty);
            v = 0;
            for (int p = 0; p < 4; ++p)
              for (int q = 0; q < 4; ++q) {
                int64_t yy = y0 + p, xx = x0 + q;
                double value;
                if (padding == "reflection")
                  value = pixel(b, ch,
                                static_cast<int64_t>(alignCorners ? reflect(yy, 0, h - 1)
                                                                  : reflect(yy, -0.5, h - 0.5)),
                                static_cast<int64_t>(alignCorners ? reflect(xx, 0, w - 1)
                                                                  : reflect(xx, -0.5, w - 0.5)));
                else
                  value = pixel(b, ch, yy, xx);
                v += wy[p] * wx[q] * value;
              }
          } else {
            int64_t x0 = static_cast<int64_t>(std::floor(gx)),
                    y0 = static_cast<int64_t>(std::floor(gy));
            double tx = gx - x0, ty = gy - y0;
            v = (1 - ty) * ((1 - tx) * pixel(b, ch, y0, x0) + tx * pixel(b, ch, y0, x0 + 1)) +
                ty * ((1 - tx) * pixel(b, ch, y0 + 1, x0) + tx * pixel(b, ch, y0 + 1, x0 + 1));
          }
          y.setDouble(((b * c + ch) * oh + i) * ow + j, v);
        }
      }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// The four corner contributions (weight x value) of a bilinear sample of
/// one H x W channel at (yy, xx), as RoiAlign computes them: all zero
/// outside [-1, size], coordinates clamped to the edge within.
std::array<double, 4> bilinearTerms(const Tensor &x, int64_t base, int64_t h, int64_t w, double yy,
                                    double xx) {
  if (yy < -1.0 || yy > h || xx < -1.0 || xx > w)
    return {0, 0, 0, 0};
  yy = std::max(yy, 0.0);
  xx = std::max(xx, 0.0);
  int64_t y0 = static_cast<int64_t>(yy), x0 = static_cast<int64_t>(xx);
  int64_t y1, x1;
  if (y0 >= h - 1) {
    y0 = y1 = h - 1;
    yy = static_cast<double>(y0);
  } else {
    y1 = y0 + 1;
  }
  if (x0 >= w - 1) {
    x0 = x1 = w - 1;
    xx = static_cast<double>(x0);
  } else {
    x1 = x0 + 1;
  }
  double ly = yy - y0, lx = xx - x0, hy = 1 - ly, hx = 1 - lx;
  return {hy * hx * x.getDouble(base + y0 * w + x0), hy * lx * x.getDouble(base + y0 * w + x1),
          ly * hx * x.getDouble(base + y1 * w + x0), ly * lx * x.getDouble(base + y1 * w + x1)};
}

/// RoiAlign as ONNX's reference (and onnxruntime) computes it. In max mode
/// each sample contributes the largest of its four weighted corners, not the
/// interpolated value: that is the reference's definition.
Status roiAlignKernel(KernelContext &ctx) {
  const Tensor *x, *rois, *batchIndices;
  if (Status s = requireInputs(ctx, {&x, &rois, &batchIndices}); !s)
    return s;
  if (x->rank() != 4 || rois->rank() != 2 || rois->dim(1) != 4 || batchIndices->rank() != 1 ||
      batchIndices->dim(0) != rois->dim(0))
    return ctx.error("expected X of N x C x H x W, rois of R x 4 and R batch indices, got " +
                     shapeToString(x->shape()) + ", " + shapeToString(rois->shape()) + " and " +
                     shapeToString(batchIndices->shape()));
  int64_t oh = ctx.getInt("output_height", 1), ow = ctx.getInt("output_width", 1),
          ratio = ctx.getInt("sampling_ratio", 0);
  double scale = ctx.getFloat("spatial_scale", 1.0);
  std::string mode = ctx.getString("mode", "avg");
  std::string transform = ctx.getString("coordinate_transformation_mode", "half_pixel");
  if (mode != "avg" && mode != "max")
    return ctx.error("expected mode avg or max, got '" + mode + "'");
  if (transform != "half_pixel" && transform != "output_half_pixel")
    return ctx.error(
        "expected coordinate_transformation_mode half_pixel or output_half_pixel, got '" +
        transform + "'");
  bool isMax = mode == "max", halfPixel = transform == "half_pixel";
  if (oh < 1 || ow < 1 || ratio < 0)
    return ctx.error("expected positive output_height and output_width and non-negative "
                     "sampling_ratio, got " +
                     std::to_string(oh) + ", " + std::to_string(ow) + " and " +
                     std::to_string(ratio));
  int64_t r = rois->dim(0), c = x->dim(1), h = x->dim(2), w = x->dim(3);
  Shape outShape{r, c, oh, ow};
  if (Status s = checkShape(ctx, outShape); !s)
    return s;
  Tensor y(resultDType(ctx, 0, x->dtype()), outShape);
  if (y.numel() > 0 && (h == 0 || w == 0))
    return ctx.error("expected a non-empty image, got " + shapeToString(x->shape()));
  double offset = halfPixel ? 0.5 : 0.0;
  for (int64_t k = 0; k < r; ++k) {
    int64_t batch = batchIndices->getInt(k);
    if (batch < 0 || batch >= x->dim(0))
      return ctx.error("batch index " + std::to_string(batch) + " out of range [0, " +
                       std::to_string(x->dim(0)) + ")");
    std::array<double, 4> box;
    for (int j = 0; j < 4; ++j) {
      box[j] = rois->getDouble(k * 4 + j) * scale - offset;
      // Bounds keep every sample coordinate and grid count representable.
      if (!(std::fabs(box[j]) <= 1e12))
        return ctx.error("roi " + std::to_string(k) + " has a non-finite or huge coordinate");
    }
    double x1 = box[0], y1 = box[1], roiW = box[2] - box[0], roiH = box[3] - box[1];
    if (!halfPixel) {
      roiW = std::max(roiW, 1.0);
      roiH = std::max(roiH, 1.0);
    }
    double binH = roiH / oh, binW = roiW / ow;
    int64_t gridH = ratio > 0 ? ratio : static_cast<int64_t>(std::ceil(roiH / oh));
    int64_t gridW = ratio > 0 ? ratio : static_cast<int64_t>(std::ceil(roiW / ow));
    gridH = std::max<int64_t>(gridH, 1);
    gridW = std::max<int64_t>(gridW, 1);
    if (Status s = checkWork(ctx, {c, oh, ow, gridH, gridW}); !s)
      return s;
    for (int64_t ch = 0; ch < c; ++ch) {
      int64_t base = (batch * c + ch) * h * w;
      for (int64_t i = 0; i < oh; ++i)
        for (int64_t j = 0; j < ow; ++j) {
          double acc = 0;
          for (int64_t gy = 0; gy < gridH; ++gy)
            for (int64_t gx = 0; gx < gridW; ++gx) {
              double yy = y1 + i * binH + (gy + 0.5) * binH / gridH;
              double xx = x1 + j * binW + (gx + 0.5) * binW / gridW;
              std::array<double, 4> terms = bilinearTerms(*x, base, h, w, yy, xx);
              if (!isMax) {
                acc += terms[0] + terms[1] + terms[2] + terms[3];
                continue;
              }
              double best = std::max(std::max(terms[0], terms[1]), std::max(terms[2], terms[3]));
              acc = gy == 0 && gx == 0 ? best : std::max(acc, best);
            }
          y.setDouble(((k * c + ch) * oh + i) * ow + j,
                      isMax ? acc : acc / static_cast<double>(gridH * gridW));
        }
    }
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// NonMaxSuppression: per batch and class, greedily keeps the highest
/// scoring boxes whose IoU with every kept box is at most iou_threshold;
/// the result lists [batch, class, box] triples.
Status nonMaxSuppressionKernel(KernelContext &ctx) {
  const Tensor *boxes, *scores;
  if (Status s = requireInputs(ctx, {&boxes, &scores}); !s)
    return s;
  if (boxes->rank() != 3 || boxes->dim(2) != 4 || scores->rank() != 3 ||
      scores->dim(0) != boxes->dim(0) || scores->dim(2) != boxes->dim(1))
    return ctx.error("expected boxes of B x N x 4 and scores of B x C x N");
  const Tensor *maxT = ctx.input(2), *iouT = ctx.input(3), *scoreT = ctx.input(4);
  int64_t maxPerClass = maxT && maxT->numel() ? maxT->getInt(0) : 0;
  double iouThreshold = iouT && iouT->numel() ? iouT->getDouble(0) : 0.0;
  bool hasScoreThreshold = scoreT && scoreT->numel();
  double scoreThreshold = hasScoreThreshold ? scoreT->getDouble(0) : 0.0;
  bool center = ctx.getInt("center_point_box", 0) != 0;
  int64_t batches = boxes->dim(0), classes = scores->dim(1), n = boxes->dim(1);
  auto corners = [&](int64_t b, int64_t i) {
    std::array<double, 4> v;
    for (int k = 0; k < 4; ++k)
      v[k] = boxes->getDouble((b * n + i) * 4 + k);
    if (center)
      return std::array<double, 4>{v[1] - v[3] / 2, v[0] - v[2] / 2, v[1] + v[3] / 2,
                                   v[0] + v[2] / 2};
    return std::array<double, 4>{std::min(v[0], v[2]), std::min(v[1], v[3]), std::max(v[0], v[2]),
                                 std::max(v[1], v[3])};
  };
  auto iou = [&](int64_t b, int64_t i, int64_t j) {
    std::array<double, 4> p = corners(b, i), q = corners(b, j);
    double ih = std::max(0.0, std::min(p[2], q[2]) - std::max(p[0], q[0]));
    double iw = std::max(0.0, std::min(p[3], q[3]) - std::max(p[1], q[1]));
    double inter = ih * iw;
    double uni = (p[2] - p[0]) * (p[3] - p[1]) + (q[2] - q[0]) * (q[3] - q[1]) - inter;
    return uni > 0 ? inter / uni : 0.0;
  };
  if (Status s = checkWork(ctx, {batches, classes, n, n}); !s)
    return s;
  std::vector<std::array<int64_t, 3>> selected;
  for (int64_t b = 0; b < batches; ++b)
    for (int64_t cls = 0; cls < classes; ++cls) {
      std::vector<int64_t> order;
      for (int64_t i = 0; i < n; ++i)
        if (!hasScoreThreshold || scores->getDouble((b * classes + cls) * n + i) > scoreThreshold)
          order.push_back(i);
      std::stable_sort(order.begin(), order.end(), [&](int64_t i, int64_t j) {
        return scores->getDouble((b * classes + cls) * n + i) >
               scores->getDouble((b * classes + cls) * n + j);
      });
      std::vector<int64_t> kept;
      for (int64_t i : order) {
        if (static_cast<int64_t>(kept.size()) >= maxPerClass)
          break;
        bool suppressed = false;
        for (int64_t j : kept)
          if (iou(b, i, j) > iouThreshold) {
            suppressed = true;
            break;
          }
        if (!suppressed)
          kept.push_back(i);
      }
      for (int64_t i : kept)
        selected.push_back({b, cls, i});
    }
  Tensor y(resultDType(ctx, 0, DType::I64), {static_cast<int64_t>(selected.size()), 3});
  for (size_t k = 0; k < selected.size(); ++k)
    for (int j = 0; j < 3; ++j)
      y.setInt(static_cast<int64_t>(k * 3 + j), selected[k][j]);
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

} // namespace

void registerDetectionKernels() {
  registerKernel("GridSample", gridSampleKernel);
  registerKernel("RoiAlign", roiAlignKernel);
  registerKernel("NonMaxSuppression", nonMaxSuppressionKernel);
}

} // namespace hone::ref
