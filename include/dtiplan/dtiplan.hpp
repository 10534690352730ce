// dtiplan: plan, track and project a Vietnamese commune's Digital Transformation Index (DTI).
// The umbrella header: include this one and link dtiplan::dtiplan.
#pragma once

#include "dtiplan/error.hpp"
#include "dtiplan/version.hpp"
#include "dtiplan/model/enums.hpp"
#include "dtiplan/model/source.hpp"
#include "dtiplan/model/unit.hpp"
#include "dtiplan/model/target.hpp"
#include "dtiplan/model/target_phrase.hpp"
#include "dtiplan/model/indicator.hpp"
#include "dtiplan/model/plan.hpp"
#include "dtiplan/model/responsibility.hpp"
#include "dtiplan/io/plan_json.hpp"
#include "dtiplan/io/builtin.hpp"
#include "dtiplan/check/findings.hpp"
#include "dtiplan/model/print.hpp"
