"""Connectors (``bp.conn``): who connects to whom between two neuron groups.

A connector is given the group sizes (``pre=``/``post=``, or ``conn(pre_size, post_size)``)
and returns the network in the formats a synapse asks for with
``conn.require('conn_mat' | 'csr' | 'csc' | 'coo' | 'pre2post' | ...)``. Every format of one
connector describes the same network; random connectors draw it once per seed.
"""

from brainpy_dyn._src.connect.base import CONN_MAT as CONN_MAT
from brainpy_dyn._src.connect.base import COO as COO
from brainpy_dyn._src.connect.base import CSC as CSC
from brainpy_dyn._src.connect.base import CSR as CSR
from brainpy_dyn._src.connect.base import POST2PRE as POST2PRE
from brainpy_dyn._src.connect.base import POST2SYN as POST2SYN
from brainpy_dyn._src.connect.base import POST_IDS as POST_IDS
from brainpy_dyn._src.connect.base import POST_SLICE as POST_SLICE
from brainpy_dyn._src.connect.base import PRE2POST as PRE2POST
from brainpy_dyn._src.connect.base import PRE2SYN as PRE2SYN
from brainpy_dyn._src.connect.base import PRE_IDS as PRE_IDS
from brainpy_dyn._src.connect.base import PRE_SLICE as PRE_SLICE
from brainpy_dyn._src.connect.base import SUPPORTED_SYN_STRUCTURE as SUPPORTED_SYN_STRUCTURE
from brainpy_dyn._src.connect.base import Connector as Connector
from brainpy_dyn._src.connect.base import OneEndConnector as OneEndConnector
from brainpy_dyn._src.connect.base import TwoEndConnector as TwoEndConnector
from brainpy_dyn._src.connect.custom import CSRConn as CSRConn
from brainpy_dyn._src.connect.custom import IJConn as IJConn
from brainpy_dyn._src.connect.custom import MatConn as MatConn
from brainpy_dyn._src.connect.distance import GaussianProb as GaussianProb
from brainpy_dyn._src.connect.distance import ProbDist as ProbDist
from brainpy_dyn._src.connect.errors import ConnectorError as ConnectorError
from brainpy_dyn._src.connect.formats import coo2csc as coo2csc
from brainpy_dyn._src.connect.formats import coo2csr as coo2csr
from brainpy_dyn._src.connect.formats import coo2mat as coo2mat
from brainpy_dyn._src.connect.formats import csr2coo as csr2coo
from brainpy_dyn._src.connect.formats import csr2csc as csr2csc
from brainpy_dyn._src.connect.formats import csr2mat as csr2mat
from brainpy_dyn._src.connect.formats import mat2coo as mat2coo
from brainpy_dyn._src.connect.formats import mat2csc as mat2csc
from brainpy_dyn._src.connect.formats import mat2csr as mat2csr
from brainpy_dyn._src.connect.graphs import PowerLaw as PowerLaw
from brainpy_dyn._src.connect.graphs import ScaleFreeBA as ScaleFreeBA
from brainpy_dyn._src.connect.graphs import ScaleFreeBADual as ScaleFreeBADual
from brainpy_dyn._src.connect.graphs import SmallWorld as SmallWorld
from brainpy_dyn._src.connect.random_conn import FixedPostNum as FixedPostNum
from brainpy_dyn._src.connect.random_conn import FixedPreNum as FixedPreNum
from brainpy_dyn._src.connect.random_conn import FixedProb as FixedProb
from brainpy_dyn._src.connect.random_conn import FixedTotalNum as FixedTotalNum
from brainpy_dyn._src.connect.regular import All2All as All2All
from brainpy_dyn._src.connect.regular import GridEight as GridEight
from brainpy_dyn._src.connect.regular import GridFour as GridFour
from brainpy_dyn._src.connect.regular import GridN as GridN
from brainpy_dyn._src.connect.regular import One2One as One2One
from brainpy_dyn._src.connect.regular import all2all as all2all
from brainpy_dyn._src.connect.regular import grid_eight as grid_eight
from brainpy_dyn._src.connect.regular import grid_four as grid_four
from brainpy_dyn._src.connect.regular import one2one as one2one
from brainpy_dyn._src.connect.sparse_mat import SparseMatConn as SparseMatConn

__all__ = [
    "All2All",
    "CONN_MAT",
    "COO",
    "CSC",
    "CSR",
    "CSRConn",
    "ConnectorError",
    "Connector",
    "FixedPostNum",
    "FixedPreNum",
    "FixedProb",
    "FixedTotalNum",
    "GaussianProb",
    "GridEight",
    "GridFour",
    "GridN",
    "IJConn",
    "MatConn",
    "One2One",
    "OneEndConnector",
    "POST2PRE",
    "POST2SYN",
    "POST_IDS",
    "POST_SLICE",
    "PRE2POST",
    "PRE2SYN",
    "PRE_IDS",
    "PRE_SLICE",
    "PowerLaw",
    "ProbDist",
    "SUPPORTED_SYN_STRUCTURE",
    "ScaleFreeBA",
    "ScaleFreeBADual",
    "SmallWorld",
    "SparseMatConn",
    "TwoEndConnector",
    "all2all",
    "coo2csc",
    "coo2csr",
    "coo2mat",
    "csr2coo",
    "csr2csc",
    "csr2mat",
    "grid_eight",
    "grid_four",
    "mat2coo",
    "mat2csc",
    "mat2csr",
    "one2one",
]
