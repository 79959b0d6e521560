"""Ion channels, ions and calcium dynamics for conductance-based neurons.

BrainPy implementation of ``brainpy.channels`` (2.3.5). Channels are assembled into a
:class:`~brainpy_dyn.CondNeuGroup`; calcium channels live inside a calcium ion
(:class:`CalciumFixed`, :class:`CalciumDetailed`, :class:`CalciumFirstOrder`), which gives
them its concentration and reversal potential. Currents are into the cell,
``g (E - V)``, in µA/cm² (``V`` in mV, time in ms, conductances in mS/cm²).

Families: sodium (:class:`INa_HH1952`, :class:`INa_TM1991`, :class:`INa_Ba2002`),
potassium (:class:`IK_HH1952`, :class:`IK_TM1991`, :class:`IKDR_Ba2002`,
:class:`IKA1_HM1992`, :class:`IKA2_HM1992`, :class:`IKK2A_HM1992`, :class:`IKK2B_HM1992`,
:class:`IKNI_Ya1989`), calcium (:class:`ICaT_HM1992`, :class:`ICaT_HP1992`,
:class:`ICaHT_HM1992`, :class:`ICaL_IS2008`, :class:`ICaN_IS2008`), calcium-activated
potassium (:class:`IAHP_De1994`), ``I_h`` (:class:`Ih_HM1992`, :class:`Ih_De1996`) and
leaks (:class:`IL`, :class:`IKL`).
"""

from brainpy_dyn._src.channels.calcium import CalciumDetailed as CalciumDetailed
from brainpy_dyn._src.channels.calcium import CalciumDyna as CalciumDyna
from brainpy_dyn._src.channels.calcium import CalciumFirstOrder as CalciumFirstOrder
from brainpy_dyn._src.channels.calcium import CalciumFixed as CalciumFixed
from brainpy_dyn._src.channels.calcium_channels import ICaHT_HM1992 as ICaHT_HM1992
from brainpy_dyn._src.channels.calcium_channels import ICaL_IS2008 as ICaL_IS2008
from brainpy_dyn._src.channels.calcium_channels import ICaN_IS2008 as ICaN_IS2008
from brainpy_dyn._src.channels.calcium_channels import ICaT_HM1992 as ICaT_HM1992
from brainpy_dyn._src.channels.calcium_channels import ICaT_HP1992 as ICaT_HP1992
from brainpy_dyn._src.channels.ih import Ih_De1996 as Ih_De1996
from brainpy_dyn._src.channels.ih import Ih_HM1992 as Ih_HM1992
from brainpy_dyn._src.channels.ions import Calcium as Calcium
from brainpy_dyn._src.channels.ions import CalciumChannel as CalciumChannel
from brainpy_dyn._src.channels.ions import IhChannel as IhChannel
from brainpy_dyn._src.channels.ions import Ion as Ion
from brainpy_dyn._src.channels.ions import IonChannel as IonChannel
from brainpy_dyn._src.channels.ions import LeakyChannel as LeakyChannel
from brainpy_dyn._src.channels.ions import PotassiumChannel as PotassiumChannel
from brainpy_dyn._src.channels.ions import SodiumChannel as SodiumChannel
from brainpy_dyn._src.channels.kca import IAHP_De1994 as IAHP_De1994
from brainpy_dyn._src.channels.leaky import IKL as IKL
from brainpy_dyn._src.channels.leaky import IL as IL
from brainpy_dyn._src.channels.potassium import IK_HH1952 as IK_HH1952
from brainpy_dyn._src.channels.potassium import IK_TM1991 as IK_TM1991
from brainpy_dyn._src.channels.potassium import IKA1_HM1992 as IKA1_HM1992
from brainpy_dyn._src.channels.potassium import IKA2_HM1992 as IKA2_HM1992
from brainpy_dyn._src.channels.potassium import IKK2A_HM1992 as IKK2A_HM1992
from brainpy_dyn._src.channels.potassium import IKK2B_HM1992 as IKK2B_HM1992
from brainpy_dyn._src.channels.potassium import IKDR_Ba2002 as IKDR_Ba2002
from brainpy_dyn._src.channels.potassium import IKNI_Ya1989 as IKNI_Ya1989
from brainpy_dyn._src.channels.sodium import INa_Ba2002 as INa_Ba2002
from brainpy_dyn._src.channels.sodium import INa_HH1952 as INa_HH1952
from brainpy_dyn._src.channels.sodium import INa_TM1991 as INa_TM1991
from brainpy_math import set_module as _set_module

_set_module(
    __name__,
    Calcium,
    CalciumChannel,
    CalciumDetailed,
    CalciumDyna,
    CalciumFirstOrder,
    CalciumFixed,
    IAHP_De1994,
    ICaHT_HM1992,
    ICaL_IS2008,
    ICaN_IS2008,
    ICaT_HM1992,
    ICaT_HP1992,
    IKA1_HM1992,
    IKA2_HM1992,
    IKDR_Ba2002,
    IKK2A_HM1992,
    IKK2B_HM1992,
    IKL,
    IKNI_Ya1989,
    IK_HH1952,
    IK_TM1991,
    IL,
    INa_Ba2002,
    INa_HH1952,
    INa_TM1991,
    IhChannel,
    Ih_De1996,
    Ih_HM1992,
    Ion,
    IonChannel,
    LeakyChannel,
    PotassiumChannel,
    SodiumChannel,
)

__all__ = [
    "Calcium",
    "CalciumChannel",
    "CalciumDetailed",
    "CalciumDyna",
    "CalciumFirstOrder",
    "CalciumFixed",
    "IAHP_De1994",
    "ICaHT_HM1992",
    "ICaL_IS2008",
    "ICaN_IS2008",
    "ICaT_HM1992",
    "ICaT_HP1992",
    "IKA1_HM1992",
    "IKA2_HM1992",
    "IKDR_Ba2002",
    "IKK2A_HM1992",
    "IKK2B_HM1992",
    "IKL",
    "IKNI_Ya1989",
    "IK_HH1952",
    "IK_TM1991",
    "IL",
    "INa_Ba2002",
    "INa_HH1952",
    "INa_TM1991",
    "IhChannel",
    "Ih_De1996",
    "Ih_HM1992",
    "Ion",
    "IonChannel",
    "LeakyChannel",
    "PotassiumChannel",
    "SodiumChannel",
]
