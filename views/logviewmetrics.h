#pragma once
// The log view's fixed measures, shared by its implementation files (logview.cpp: buffer,
// options, events; logviewlayout.cpp: line layout; logviewscrolling.cpp: positions). Private
// to views/.

namespace timonel::logviewmetrics {

constexpr int kMargin = 4;
constexpr int kTimestampChars = 30; // LogBuffer::formatTimestamp's fixed width
constexpr int kMaxContainerChars = 24;
constexpr int kWheelRows = 3;
constexpr int kRowsCacheLimit = 8192;
constexpr int kMaxHighlightsPerLine = 200;

} // namespace timonel::logviewmetrics
